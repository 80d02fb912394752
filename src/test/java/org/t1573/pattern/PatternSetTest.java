package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.event.Event;

/** The real {@code patterns/} directory (tests run with the project directory as cwd) and --set overrides. */
class PatternSetTest {
    private static final Path PATTERNS = Path.of("patterns");
    private static final String AN0400 = "AN0400";
    private static final String SEED = "SEED-KQL-T1573.001";

    // --- fixtures

    private static PatternSet load(Map<String, String> overrides) throws PatternLoadException {
        return PatternSet.load(List.of(PATTERNS), overrides);
    }

    private static Map<String, String> set(String... nameValuePairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            m.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return m;
    }

    private static CompiledPattern pattern(PatternSet set, String id) {
        return set.patterns().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no pattern " + id));
    }

    private static List<PatternError> errorsOf(List<Path> paths, Map<String, String> overrides) {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> PatternSet.load(paths, overrides));
        assertThat(e).as("expected the load to fail").isNotNull();
        return e.errors();
    }

    private static List<PatternError> errorsOf(Map<String, String> overrides) {
        return errorsOf(List.of(PATTERNS), overrides);
    }

    private static Event outboundTo(String ip) {
        Event e = new Event();
        e.hostName = "h";
        e.processEntityId = "{p}";
        e.action = "network_connection";
        e.networkDirection = "outbound";
        e.outcome = "success";
        e.destinationIp = ip;
        e.destinationPort = 4444;
        return e;
    }

    private static String minimalPattern(String id) {
        return String.join("\n", "id: " + id, "title: t", "technique: T1573", "strategy: DET0143",
                "platform: windows", "severity: low", "group-by: [host.name]", "sequence:", "  - step: s",
                "    where: {event.action: library_load}", "timespan: 5m", "");
    }

    // --- the real directory

    @Test
    void loadsTheRealWindowsPatterns() throws Exception {
        assertThat(load(Map.of()).patterns()).extracting(CompiledPattern::id).contains(AN0400, SEED);
    }

    @Test
    void everyShippedPatternFileValidates() throws Exception {
        long files;
        try (java.util.stream.Stream<Path> walk = Files.walk(PATTERNS)) {
            files = walk.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yml") && !n.endsWith(".tests.yml") && !n.endsWith(".mapping.yml")).count();
        }
        assertThat(files).isPositive();
        assertThat(load(Map.of()).patterns()).hasSize((int) files);
    }

    @Test
    void theWindowsSymmetricPatternsUseAFifteenMinuteWindowByDefault() throws Exception {
        PatternSet set = load(Map.of());
        assertThat(List.of(pattern(set, AN0400).window(), pattern(set, SEED).window()))
                .containsOnly(Duration.ofMinutes(15));
    }

    @Test
    void aPlainOverrideChangesEveryPatternDeclaringTheParameter() throws Exception {
        PatternSet set = load(set("TimeWindow", "5m"));

        assertThat(set.patterns()).filteredOn(p -> p.parameters().has("TimeWindow"))
                .extracting(CompiledPattern::window).containsOnly(Duration.ofMinutes(5));
    }

    @Test
    void aQualifiedOverrideChangesOnlyThatPattern() throws Exception {
        PatternSet set = load(set("AN0400.TimeWindow", "1m"));

        assertThat(List.of(pattern(set, AN0400).window(), pattern(set, SEED).window()))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    @Test
    void aQualifiedOverrideWorksForAnIdContainingDots() throws Exception {
        PatternSet set = load(set(SEED + ".TimeWindow", "2m"));

        assertThat(List.of(pattern(set, AN0400).window(), pattern(set, SEED).window()))
                .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(2));
    }

    @Test
    void aQualifiedOverrideWinsOverAPlainOneGivenAfterIt() throws Exception {
        PatternSet set = load(set("TimeWindow", "5m", "AN0400.TimeWindow", "1m"));

        assertThat(pattern(set, AN0400).window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aQualifiedOverrideWinsOverAPlainOneGivenBeforeIt() throws Exception {
        // --set AN0400.TimeWindow=1m --set TimeWindow=5m: the more specific setting should win whatever the order.
        PatternSet set = load(set("AN0400.TimeWindow", "1m", "TimeWindow", "5m"));

        assertThat(pattern(set, AN0400).window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theDefaultInternalNetworksMakeAPrivateAddressInternal() throws Exception {
        CompiledPattern an0400 = pattern(load(Map.of()), AN0400);

        assertThat(an0400.matchesStep(1, outboundTo("10.1.2.3"))).isFalse();
    }

    @Test
    void anEmptyInternalNetworksOverrideMakesAPrivateAddressExternal() throws Exception {
        CompiledPattern an0400 = pattern(load(set("InternalNetworks", "")), AN0400);

        assertThat(an0400.matchesStep(1, outboundTo("10.1.2.3"))).isTrue();
    }

    @Test
    void aListOverrideIsCommaSeparated() throws Exception {
        CompiledPattern an0400 = pattern(load(set("AN0400.InternalNetworks", "8.8.8.0/24, 9.9.9.9")), AN0400);

        assertThat(List.of(an0400.matchesStep(1, outboundTo("8.8.8.8")), an0400.matchesStep(1, outboundTo("9.9.9.9")),
                an0400.matchesStep(1, outboundTo("10.1.2.3")))).containsExactly(false, false, true);
    }

    @Test
    void anOverrideIsVisibleInTheParameters() throws Exception {
        CompiledPattern seed = pattern(load(set("BeaconMinConnections", "3")), SEED);

        assertThat(seed.beaconMinConnections()).isEqualTo(3.0);
    }

    @Test
    void anUnknownParameterNameIsAnError() {
        List<PatternError> errors = errorsOf(set("TimeWindw", "5m"));

        assertThat(errors).singleElement().extracting(PatternError::reason)
                .isEqualTo("no loaded pattern has a parameter TimeWindw (did you mean TimeWindow?)");
    }

    @Test
    void aQualifiedOverrideOfAParameterThePatternLacksIsAnError() {
        // BeaconMinConnections is declared by the seed pattern only.
        List<PatternError> errors = errorsOf(set("AN0400.BeaconMinConnections", "3"));

        assertThat(errors).singleElement().extracting(PatternError::reason)
                .isEqualTo("no loaded pattern has a parameter AN0400.BeaconMinConnections");
    }

    @Test
    void aBadValueIsAnErrorNamingThePatternFileAndTheParameterLine() throws Exception {
        Path an0400 = PATTERNS.resolve("windows/AN0400.yml");

        List<PatternError> errors = errorsOf(set("AN0400.TimeWindow", "soon"));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(Path.of(e.file())).isEqualTo(an0400);
            assertThat(e.line()).isEqualTo(PatternCopies.lineOf(an0400, "  TimeWindow:"));
            assertThat(e.reason()).startsWith("--set AN0400.TimeWindow=soon: 'soon' is not a duration");
        });
    }

    @Test
    void aBadPlainValueIsReportedForEveryPatternDeclaringTheParameter() {
        List<PatternError> errors = errorsOf(set("TimeWindow", "soon"));

        assertThat(errors).extracting(e -> Path.of(e.file()).getFileName().toString())
                .contains("AN0400.yml", "SEED-KQL-T1573.001.yml")
                .allSatisfy(f -> assertThat(f).endsWith(".yml"));
        assertThat(errors).allSatisfy(e -> assertThat(e.reason()).contains("TimeWindow=soon"));
    }

    @Test
    void duplicatePatternIdsAcrossFilesAreAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yml"), minimalPattern("DUP-1"));
        Files.writeString(dir.resolve("b.yaml"), minimalPattern("DUP-1"));

        List<PatternError> errors = errorsOf(List.of(dir), Map.of());

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(List.of(e.file(), e.line())).containsExactly(dir.resolve("b.yaml").toString(), 1);
            assertThat(e.reason()).isEqualTo("pattern id DUP-1 is also used by " + dir.resolve("a.yml"));
        });
    }

    @Test
    void distinctIdsInATempDirectoryLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yml"), minimalPattern("ONE"));
        Files.writeString(dir.resolve("b.yml"), minimalPattern("TWO"));

        assertThat(PatternSet.load(List.of(dir), Map.of()).patterns()).extracting(CompiledPattern::id)
                .containsExactly("ONE", "TWO");
    }

    @Test
    void ignoresFilesThatAreNotYaml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yml"), minimalPattern("ONE"));
        Files.writeString(dir.resolve("notes.txt"), "not a pattern");
        Files.writeString(dir.resolve(".hidden.yml"), "not: [a pattern");

        assertThat(PatternSet.load(List.of(dir), Map.of()).patterns()).hasSize(1);
    }

    @Test
    void anEmptyDirectoryIsAnError(@TempDir Path dir) {
        List<PatternError> errors = errorsOf(List.of(dir), Map.of());

        assertThat(errors).singleElement().extracting(PatternError::reason)
                .isEqualTo("no pattern files (*.yml, *.yaml) found");
    }

    @Test
    void aMissingPathIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        List<PatternError> errors = errorsOf(List.of(missing), Map.of());

        assertThat(errors).singleElement().satisfies(e -> assertThat(List.of(e.file(), e.reason()))
                .containsExactly(missing.toString(), "no such file or directory"));
    }

    @Test
    void errorsOfEveryFileAreReportedTogether(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yml"), minimalPattern("ONE").replace("severity: low", "severity: bad"));
        Files.writeString(dir.resolve("b.yml"), minimalPattern("TWO").replace("technique: T1573", "technique: X"));

        List<PatternError> errors = errorsOf(List.of(dir), Map.of());

        assertThat(errors).extracting(e -> Path.of(e.file()).getFileName().toString(), PatternError::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.yml", 6),
                        org.assertj.core.groups.Tuple.tuple("b.yml", 3));
    }

    @Test
    void anUnknownGroupByFieldIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yml"), minimalPattern("ONE").replace("[host.name]", "[host.nmae]"));

        List<PatternError> errors = errorsOf(List.of(dir), Map.of());

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("unknown field 'host.nmae'");
            assertThat(e.line()).as("the line of group-by").isEqualTo(7);
        });
    }

    // --- the timespan: an empty window would alert once per event, not once per window

    /** A copy of AN0400 in {@code dir} with one line replaced. */
    private static Path an0400With(Path dir, String line, String replacement) throws IOException {
        return PatternCopies.an0400In(dir, "AN0400.yml", text -> {
            assertThat(text).contains(line);
            return text.replace(line, replacement);
        });
    }

    @Test
    void aZeroTimespanIsAnErrorAtItsLine(@TempDir Path dir) throws Exception {
        Path copy = an0400With(dir, "timespan: $TimeWindow", "timespan: 0s");

        List<PatternError> errors = errorsOf(List.of(copy), Map.of());

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(PatternCopies.lineOf(copy, "timespan: 0s"));
            assertThat(e.reason()).isEqualTo("timespan 0s must be longer than zero");
        });
    }

    @Test
    void aZeroDefaultOfTheTimespanParameterIsAnErrorAtTheParameterLine(@TempDir Path dir) throws Exception {
        Path copy = an0400With(dir, "    default: 15m", "    default: 0s");

        List<PatternError> errors = errorsOf(List.of(copy), Map.of());

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(PatternCopies.lineOf(copy, "  TimeWindow:"));
            assertThat(e.reason()).isEqualTo("parameter TimeWindow is the timespan and must be longer than zero");
        });
    }

    @Test
    void aZeroOverrideOfTheTimespanParameterIsAnErrorAtTheParameterLineOfEveryPattern() throws Exception {
        List<PatternError> errors = errorsOf(set("TimeWindow", "0s"));

        assertThat(errors).extracting(e -> Path.of(e.file())).contains(PATTERNS.resolve("windows/AN0400.yml"));
        for (PatternError e : errors) {
            assertThat(e.line()).isEqualTo(PatternCopies.lineOf(Path.of(e.file()), "  TimeWindow:"));
            assertThat(e.reason()).isEqualTo("parameter TimeWindow is the timespan and must be longer than zero");
        }
    }
}
