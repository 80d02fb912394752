package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;

class KnownFalsePositivesTest {
    @TempDir
    Path dir;

    private KnownFalsePositives known(String rows) throws IOException {
        Path f = dir.resolve("known.csv");
        Files.writeString(f, String.join(",", KnownFalsePositives.HEADER) + "\n" + rows);
        return KnownFalsePositives.read(f);
    }

    @Test
    void listsAnAlertByAnalyticProcessAndDestination() throws IOException {
        KnownFalsePositives k = known("SEED,WS-1,{p1},203.0.113.5:4444,backup agent\n");
        assertThat(k.lists(TestAlerts.alert("SEED", "WS-1", "{p1}", "2026-03-02T08:00:00Z", 70, 0))).isTrue();
        assertThat(k.lists(TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:00Z", 70, 0))).isFalse();
        assertThat(k.lists(TestAlerts.alert("SEED", "WS-1", "{p2}", "2026-03-02T08:00:00Z", 70, 0))).isFalse();
    }

    @Test
    void letsEmptyColumnsMatchAnything() throws IOException {
        KnownFalsePositives k = known("SEED,,,,every seed alert is accepted\n");
        assertThat(k.lists(TestAlerts.alert("SEED", "WS-9", "{p9}", "2026-03-02T08:00:00Z", 70, 0))).isTrue();
    }

    @Test
    void failsTheGateOnlyForUnlistedAlertsOffMaliciousRows() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, String.join(",", Labels.HEADER)
                + "\nc2,WS-1,{p1},,2026-03-02T08:00:00Z,2026-03-02T08:10:00Z,malicious,AN0400,beacon\n");
        Alert attack = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 60, 0);
        Alert noise = TestAlerts.alert("AN0400", "WS-2", "{p7}", "2026-03-02T08:00:05Z", 60, 0);
        assertThat(known("SEED,,,,x\n").unlisted(List.of(attack, noise), Labels.read(labels))).containsExactly(noise);
    }
}
