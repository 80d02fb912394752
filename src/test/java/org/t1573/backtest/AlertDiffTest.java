package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;

class AlertDiffTest {
    private static final Alert BEACON = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 80, 0, 60, 120);

    @Test
    void reportsAnAlertThatOnlyOneVersionRaises() {
        Alert other = TestAlerts.alert("AN0400", "WS-2", "{p2}", "2026-03-02T09:00:05Z", 60, 0);
        AlertDiff d = AlertDiff.compare(List.of(BEACON, other), List.of(BEACON));
        assertThat(d.onlyA()).extracting(AlertDiff.Entry::host).containsExactly("WS-2");
        assertThat(d.onlyB()).isEmpty();
        assertThat(d.unchanged()).isEqualTo(1);
    }

    @Test
    void reportsScoreSummaryAndEvidenceChangesOfTheSameAlert() {
        Alert fewer = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 60, 0, 60);
        AlertDiff d = AlertDiff.compare(List.of(BEACON), List.of(fewer));
        assertThat(d.changed()).hasSize(1);
        assertThat(d.changed().get(0).fields()).extracting(AlertDiff.FieldChange::field)
                .containsExactly("score", "summary.ConnectionCount", "evidence");
        assertThat(d.changed().get(0).fields().get(0)).isEqualTo(new AlertDiff.FieldChange("score", 80, 60));
    }

    @Test
    void keysByWindowStartSoAMovedWindowIsOneGoneAndOneNew() {
        Alert moved = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:01:05Z", 80, 0, 60, 120);
        AlertDiff d = AlertDiff.compare(List.of(BEACON), List.of(moved));
        assertThat(d.onlyA()).hasSize(1);
        assertThat(d.onlyB()).hasSize(1);
    }
}
