package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFileTest {
    /** A valid pattern but for its two list defaults, on lines 10 and 13. */
    private static final String PATTERN = String.join("\n",
            /* 1 */ "id: X1",
            /* 2 */ "title: list files",
            /* 3 */ "technique: T1573.001",
            /* 4 */ "strategy: DET0143",
            /* 5 */ "platform: network",
            /* 6 */ "severity: high",
            /* 7 */ "parameters:",
            /* 8 */ "  Ports:",
            /* 9 */ "    description: ports",
            /* 10 */ "    default: %s",
            /* 11 */ "  MorePorts:",
            /* 12 */ "    description: more ports",
            /* 13 */ "    default: %s",
            /* 14 */ "group-by: [host.name]",
            /* 15 */ "sequence:",
            /* 16 */ "  - step: s",
            /* 17 */ "    where:",
            /* 18 */ "      destination.port: [$Ports, $MorePorts]",
            /* 19 */ "timespan: 5m",
            "");

    @TempDir
    Path dir;

    /** The pattern file of a collection {@code dir/patterns}. */
    private Path patternFile() {
        return dir.resolve("patterns/network/X1.yml");
    }

    /** The error the loader reports for the default of {@code parameter}. */
    private PatternError errorOfDefault(String parameter, String ports, String morePorts) {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class,
                () -> PatternLoader.parse(patternFile().toString(), PATTERN.formatted(ports, morePorts)));
        assertThat(e).as("expected the pattern to be rejected").isNotNull();
        return e.errors().stream().filter(err -> err.reason().startsWith("default of " + parameter + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("no error for " + parameter + ": " + e.errors()));
    }

    private Path blocklist(String name, int bytes) throws IOException {
        Path file = dir.resolve("patterns/blocklists").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "1\n".repeat(bytes / 2) + "#".repeat(bytes % 2));
        return file;
    }

    @Test
    void aListDefaultNamingAFileReadsItsFirstColumnRelativeToThePattern() throws Exception {
        Files.createDirectories(dir.resolve("blocklists"));
        Files.writeString(dir.resolve("blocklists/ja3.csv"), "# ja3_md5,Firstseen,Lastseen,Listingreason\n"
                + "b386946a5a44d1ddcc843bc75336dfce,2017-07-14 18:08:15,2019-07-27 20:42:54,Dridex\n\n"
                + "\"1aa7bf8b97e540ca5edd75f7b8384bfa\",,,TrickBot\n");
        Path pattern = dir.resolve("network/X1.yml");

        assertThat(ListFile.forPattern(pattern).read("@file:../blocklists/ja3.csv"))
                .containsExactly("b386946a5a44d1ddcc843bc75336dfce", "1aa7bf8b97e540ca5edd75f7b8384bfa");
    }

    @Test
    void listItemsNamingFilesCombineWithEachOtherAndWithValues() throws Exception {
        Files.writeString(dir.resolve("shipped.csv"), "# port,service\n443,https\n853,dns over tls\n");
        Files.writeString(dir.resolve("site.csv"), "8443,admin console\n");

        assertThat(ParameterValues.parse(ParameterType.LIST, "@file:shipped.csv, 5228 ,@file:site.csv",
                ListFile.forPattern(dir.resolve("X1.yml"))))
                .isEqualTo(java.util.List.of("443", "853", "5228", "8443"));
    }

    @Test
    void anEmptyEntryIsReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "# header\nabc,1\n,2\n");

        assertThatThrownBy(() -> ListFile.forPattern(dir.resolve("X1.yml")).read("@file:bad.csv"))
                .hasMessageContaining("bad.csv:3");
    }

    @Test
    void theShippedAn1500LoadsItsJa3BlocklistFromTheFile() throws Exception {
        PatternDefinition d = PatternLoader.load(Path.of("patterns/network/AN1500.yml"));

        assertThat(d.parameters().get("JA3Blocklist").defaultValue())
                .asList().contains("b386946a5a44d1ddcc843bc75336dfce").hasSize(5);
    }

    @Test
    void anOverrideOnTheCommandLineMayNameAFileRelativeToTheWorkingDirectory() {
        assertThat(ParameterValues.parse(ParameterType.LIST, "@file:patterns/blocklists/ja3.csv"))
                .asList().contains("cb98a24ee4b9134448ffb5714fd870ac");
    }

    @Test
    void aMissingListFileIsAPatternError() {
        String yaml = "id: X1\n"
                + "parameters:\n  Bad:\n    description: d\n    type: list\n    default: \"@file:nowhere.csv\"\n";

        assertThatThrownBy(() -> PatternLoader.parse(dir.resolve("X1.yml").toString(), yaml))
                .isInstanceOf(PatternLoadException.class).hasMessageContaining("nowhere.csv");
    }

    // --- where list files may live, and how much of them is read

    @Test
    void aReferenceLeavingThePatternCollectionIsAnErrorAtTheLineOfTheDefault() throws IOException {
        Files.writeString(dir.resolve("secret.csv"), "root,x\n");

        PatternError e = errorOfDefault("Ports", "\"@file:../../secret.csv\"", "[]");

        assertThat(List.of(e.file(), e.line())).containsExactly(patternFile().toString(), 10);
        assertThat(e.reason()).isEqualTo("default of Ports: list file " + dir.resolve("secret.csv")
                + " lies outside the pattern collection " + dir.resolve("patterns"));
    }

    @Test
    void aDeviceIsRefusedUnread() {
        assertThat(errorOfDefault("Ports", "\"@file:/dev/zero\"", "[]").reason()).contains("lies outside");
    }

    @Test
    void aLinkInsideTheCollectionToAFileOutsideIsRefused() throws IOException {
        Files.writeString(dir.resolve("secret.csv"), "root,x\n");
        Files.createDirectories(dir.resolve("patterns/blocklists"));
        Files.createSymbolicLink(dir.resolve("patterns/blocklists/ja3.csv"), dir.resolve("secret.csv"));

        assertThat(errorOfDefault("Ports", "\"@file:../blocklists/ja3.csv\"", "[]").reason())
                .contains("lies outside the pattern collection");
    }

    @Test
    void aListFileOverTheLimitIsRefused() throws IOException {
        blocklist("huge.csv", ListFile.MAX_BYTES + 1);

        assertThat(errorOfDefault("Ports", "\"@file:../blocklists/huge.csv\"", "[]").reason())
                .endsWith(": larger than " + ListFile.MAX_BYTES + " bytes");
    }

    @Test
    void theListFilesOfOnePatternAreBoundedTogether() throws IOException {
        blocklist("half.csv", ListFile.MAX_BYTES / 2 + 1);
        String half = "\"@file:../blocklists/half.csv\"";

        PatternError e = errorOfDefault("MorePorts", half, half);

        assertThat(e.line()).isEqualTo(13);
        assertThat(e.reason()).endsWith("hold more than " + ListFile.MAX_BYTES + " bytes in all");
    }

    @Test
    void anOverrideNamingAFileOutsideTheWorkingDirectoryIsAnErrorAtTheLineOfTheParameter() throws IOException {
        Files.createDirectories(patternFile().getParent());
        Files.writeString(patternFile(), PATTERN.formatted("[443]", "[]"));
        Path site = dir.resolve("site.csv");
        Files.writeString(site, "8443\n");

        PatternLoadException e = catchThrowableOfType(PatternLoadException.class,
                () -> PatternSet.load(List.of(patternFile()), Map.of("Ports", "@file:" + site)));

        assertThat(e.errors()).extracting(PatternError::toString).containsExactly(patternFile() + ":8: --set "
                + "Ports=@file:" + site + ": list file " + site + " lies outside the working directory "
                + Path.of("").toAbsolutePath());
    }
}
