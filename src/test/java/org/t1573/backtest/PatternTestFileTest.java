package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternTestFileTest {
    @TempDir
    Path dir;

    @Test
    void readsCasesWithDefaultsAndListOverrides() throws Exception {
        Path f = dir.resolve("AN0400.tests.yml");
        Files.writeString(f, """
                pattern: AN0400
                cases:
                  - name: one
                    input:
                      - {channel: windows, lines: "a\\nb"}
                      - {channel: windows, file: x.ndjson, match: "{g}"}
                    set: {StandardPorts: [443, 7443], TimeWindow: 20m}
                    expect:
                      - {process: "4120@2026-03-02T12:00:00.0000076Z", summary: {ConnectionCount: 6}}
                """);
        PatternTestFile t = PatternTestFile.read(f);
        assertThat(t.patternFile()).isEqualTo(dir.resolve("AN0400.yml"));
        PatternTestCase c = t.cases().get(0);
        assertThat(c.inputs().get(0).lines()).containsExactly("a", "b");
        assertThat(c.inputs().get(1).match()).isEqualTo("{g}");
        assertThat(c.overrides()).isEqualTo(Map.of("StandardPorts", "443,7443", "TimeWindow", "20m"));
        assertThat(c.expected().get(0)).isEqualTo(new PatternTestCase.ExpectedAlert("AN0400", null,
                "4120@2026-03-02T12:00:00Z", 1, Map.of("ConnectionCount", 6)));
    }

    @Test
    void rejectsAnInputWithBothLinesAndFile() throws Exception {
        Path f = dir.resolve("X.tests.yml");
        Files.writeString(f, "pattern: X\ncases:\n  - name: c\n    input: [{channel: w, lines: a, file: b}]\n"
                + "    expect: []\n");
        assertThatThrownBy(() -> PatternTestFile.read(f)).hasMessageContaining("case 'c'")
                .hasMessageContaining("either lines or file");
    }
}
