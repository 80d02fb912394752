package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --set Name+=items} and {@code --set Name-=items} on the real {@code patterns/}: what each
 * does to the lists of the patterns it names, and the errors of those that cannot apply.
 */
class SetOptionsTest {
    private static final Path PATTERNS = Path.of("patterns");
    private static final String ALLOWED = "AllowedCryptoProcesses";

    // --- fixtures

    private static PatternSet load(String... sets) throws PatternLoadException {
        return PatternSet.load(List.of(PATTERNS), Arrays.stream(sets).map(ParameterOverride::parse).toList());
    }

    private static List<String> list(PatternSet set, String id, String name) {
        return set.patterns().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()
                .parameters().asStrings(name);
    }

    private static List<String> shipped(String id, String name) throws PatternLoadException {
        return list(load(), id, name);
    }

    private static List<String> errors(String... sets) {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> load(sets));
        assertThat(e).as("expected the load to fail").isNotNull();
        return e.errors().stream().map(PatternError::toString).toList();
    }

    private static List<String> plus(List<String> list, String... items) {
        List<String> out = new ArrayList<>(list);
        out.addAll(List.of(items));
        return out;
    }

    // --- adding

    @Test
    void plusEqualsAddsToEveryPatternDeclaringTheName() throws Exception {
        PatternSet set = load(ALLOWED + "+=rundll32.exe,site.exe");

        assertThat(list(set, "AN0400", ALLOWED)).isEqualTo(plus(shipped("AN0400", ALLOWED), "rundll32.exe", "site.exe"));
        assertThat(list(set, "AN1496", ALLOWED)).isEqualTo(plus(shipped("AN1496", ALLOWED), "rundll32.exe", "site.exe"));
    }

    @Test
    void plusEqualsOnAQualifiedNameAddsToThatPatternOnly() throws Exception {
        PatternSet set = load("AN0400." + ALLOWED + "+=rundll32.exe");

        assertThat(list(set, "AN0400", ALLOWED)).endsWith("rundll32.exe");
        assertThat(list(set, "AN1496", ALLOWED)).isEqualTo(shipped("AN1496", ALLOWED));
    }

    @Test
    void plusEqualsAddsTheEntriesOfASiteListFile() throws Exception {
        Path site = Files.createTempFile(Files.createDirectories(Path.of("target")), "site", ".csv");
        try {
            Files.writeString(site, "# our agents\nouragent.exe,inventory agent\nourvpn.exe\n");

            PatternSet set = load("AN0400." + ALLOWED + "+=@file:" + Path.of("").toAbsolutePath().relativize(
                    site.toAbsolutePath()) + ",extra.exe");

            assertThat(list(set, "AN0400", ALLOWED))
                    .isEqualTo(plus(shipped("AN0400", ALLOWED), "ouragent.exe", "ourvpn.exe", "extra.exe"));
        } finally {
            Files.delete(site);
        }
    }

    @Test
    void anItemAlreadyInTheListIsNotAddedTwice() throws Exception {
        assertThat(list(load("AN0400." + ALLOWED + "+=chrome.exe"), "AN0400", ALLOWED))
                .isEqualTo(shipped("AN0400", ALLOWED));
    }

    @Test
    void additionsAndRemovalsApplyInTheOrderGiven() throws Exception {
        PatternSet set = load("AN0400." + ALLOWED + "+=a.exe", "AN0400." + ALLOWED + "-=a.exe,python.exe");

        assertThat(list(set, "AN0400", ALLOWED)).doesNotContain("a.exe", "python.exe")
                .hasSize(shipped("AN0400", ALLOWED).size() - 1);
    }

    @Test
    void aQualifiedAdditionAppliesAfterAPlainReplacementGivenLater() throws Exception {
        PatternSet set = load("AN0400." + ALLOWED + "+=b.exe", ALLOWED + "=a.exe");

        assertThat(list(set, "AN0400", ALLOWED)).containsExactly("a.exe", "b.exe");
        assertThat(list(set, "AN1496", ALLOWED)).containsExactly("a.exe");
    }

    // --- removing

    @Test
    void minusEqualsRemovesFromEveryPatternDeclaringTheName() throws Exception {
        PatternSet set = load("InternalNetworks-=10.0.0.0/8");

        for (CompiledPattern p : set.patterns()) {
            assertThat(p.parameters().asStrings("InternalNetworks")).as(p.id()).doesNotContain("10.0.0.0/8")
                    .hasSize(shipped(p.id(), "InternalNetworks").size() - 1);
        }
    }

    @Test
    void minusEqualsOfAnItemSomePatternsLackRemovesItWhereItIs() throws Exception {
        PatternSet set = load(ALLOWED + "-=MsMpEng.exe");

        assertThat(list(set, "AN1496", ALLOWED)).doesNotContain("MsMpEng.exe");
        assertThat(list(set, "AN0400", ALLOWED)).isEqualTo(shipped("AN0400", ALLOWED));
    }

    @Test
    void minusEqualsOfAnItemNoListHoldsIsAnError() {
        assertThat(errors(ALLOWED + "-=chrome.EXE")).containsExactly("--set:0: " + ALLOWED + "-=chrome.EXE: chrome.EXE "
                + "is in no " + ALLOWED + " list, so there is nothing to remove (items are compared as written)");
    }

    // --- errors

    @Test
    void plusEqualsOnAParameterThatIsNoListIsAnErrorAtItsLine() throws IOException {
        Path file = PATTERNS.resolve("windows").resolve("AN0400.yml");

        assertThat(errors("AN0400.TimeWindow+=5m")).containsExactly(file + ":" + PatternCopies.lineOf(file, "  TimeWindow:")
                + ": --set AN0400.TimeWindow+=5m: += and -= apply to list parameters only; TimeWindow is a duration "
                + "(use TimeWindow=value)");
    }

    @Test
    void aMisspelledNameSuggestsTheClosestParameter() {
        assertThat(errors(ALLOWED.substring(0, ALLOWED.length() - 2) + "+=a.exe")).containsExactly(
                "--set:0: no loaded pattern has a parameter AllowedCryptoProcess (did you mean " + ALLOWED + "?)");
    }

    @Test
    void aMisspelledQualifiedNameSuggestsThatPatternsParameter() {
        assertThat(errors("AN0400.TimeWindw=30m")).containsExactly(
                "--set:0: no loaded pattern has a parameter AN0400.TimeWindw (did you mean AN0400.TimeWindow?)");
    }

    @Test
    void aNameFarFromEveryParameterSuggestsNothing() {
        assertThat(errors("Colour=blue")).containsExactly("--set:0: no loaded pattern has a parameter Colour");
    }

    // --- what the run shows

    @Test
    void theChangedParametersNameWhatWasAddedAndRemovedAndWhere() throws Exception {
        int shippedSize = shipped("AN0400", ALLOWED).size();

        assertThat(ChangedParameters.describe(load("AN0400." + ALLOWED + "+=a.exe", "AN0400." + ALLOWED
                + "-=python.exe", "AN0400.TimeWindow=30m"))).containsExactly(
                ALLOWED + " (AN0400): " + shippedSize + " items (default " + shippedSize + "), added 1: a.exe, "
                        + "removed 1: python.exe",
                "TimeWindow (AN0400): 30m (default 15m)");
    }

    @Test
    void patternsWhoseListsChangeAlikeShareOneLine() throws Exception {
        // The Linux analytics' shipped InternalNetworks are longer than the others'.
        assertThat(ChangedParameters.describe(load("InternalNetworks-=10.0.0.0/8"))).hasSize(2)
                .allMatch(l -> l.startsWith("InternalNetworks (AN") && l.endsWith(", removed 1: 10.0.0.0/8"))
                .anyMatch(l -> l.contains("AN0400, AN0759, AN1496, "));
    }

    @Test
    void noOverrideChangesNothing() throws Exception {
        assertThat(ChangedParameters.describe(load())).isEmpty();
    }
}
