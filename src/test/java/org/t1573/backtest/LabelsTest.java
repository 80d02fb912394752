package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBundledWindowsLabels() throws Exception {
        List<Label> rows = Labels.read(Path.of("samples", "windows", "labels.csv"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).scenario()).isEqualTo("rc4_beacon_rundll32");
        assertThat(rows.get(0).expectedAlerts()).containsExactlyInAnyOrder("AN0400", "SEED-KQL-T1573.001");
        assertThat(rows.get(0).malicious()).isTrue();
    }

    @Test
    void rejectsAnUnknownLabelWithItsLine() throws Exception {
        Path f = dir.resolve("l.csv");
        Files.writeString(f, String.join(",", Labels.HEADER) + "\ns,h,p,,2026-03-02T08:00:00Z,2026-03-02T08:01:00Z,evil,,d\n");
        assertThatThrownBy(() -> Labels.read(f)).hasMessageContaining("l.csv:2").hasMessageContaining("'evil'");
    }

    @Test
    void rejectsAFileWithoutTheHeader() throws Exception {
        Path f = dir.resolve("l.csv");
        Files.writeString(f, "s,h,p,,2026-03-02T08:00:00Z,2026-03-02T08:01:00Z,benign,,d\n");
        assertThatThrownBy(() -> Labels.read(f)).hasMessageContaining("header");
    }
}
