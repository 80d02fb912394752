package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFileTest {
    @TempDir
    Path dir;

    @Test
    void aListDefaultNamingAFileReadsItsFirstColumnRelativeToThePattern() throws Exception {
        Files.createDirectories(dir.resolve("blocklists"));
        Files.writeString(dir.resolve("blocklists/ja3.csv"), "# ja3_md5,Firstseen,Lastseen,Listingreason\n"
                + "b386946a5a44d1ddcc843bc75336dfce,2017-07-14 18:08:15,2019-07-27 20:42:54,Dridex\n\n"
                + "\"1aa7bf8b97e540ca5edd75f7b8384bfa\",,,TrickBot\n");
        Path pattern = dir.resolve("network/X1.yml");

        assertThat(ListFile.read(ListFile.resolveIn(pattern.getParent(), "@file:../blocklists/ja3.csv")))
                .containsExactly("b386946a5a44d1ddcc843bc75336dfce", "1aa7bf8b97e540ca5edd75f7b8384bfa");
    }

    @Test
    void listItemsNamingFilesCombineWithEachOtherAndWithValues() throws Exception {
        Files.writeString(dir.resolve("shipped.csv"), "# port,service\n443,https\n853,dns over tls\n");
        Files.writeString(dir.resolve("site.csv"), "8443,admin console\n");

        assertThat(ParameterValues.parse(ParameterType.LIST, "@file:shipped.csv, 5228 ,@file:site.csv", dir))
                .isEqualTo(java.util.List.of("443", "853", "5228", "8443"));
    }

    @Test
    void anEmptyEntryIsReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "# header\nabc,1\n,2\n");

        assertThatThrownBy(() -> ListFile.read(file)).hasMessageContaining("bad.csv:3");
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
}
