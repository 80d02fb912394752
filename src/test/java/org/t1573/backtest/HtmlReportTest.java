package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;

class HtmlReportTest {
    private static final Alert BEACON = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 80, 0, 60,
            121, 180);

    @Test
    void referencesNothingOutsideTheFile() {
        String html = new HtmlReport(List.of(BEACON)).render();
        assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "http://", "https://")
                .contains("<style>");
    }

    @Test
    void escapesTextFromTheLogs() {
        Alert nasty = TestAlerts.alert("AN0400", "<img src=x>", "{p1}", "2026-03-02T08:00:05Z", 80, 0);
        assertThat(new HtmlReport(List.of(nasty)).render()).doesNotContain("<img").contains("&lt;img src=x&gt;");
    }

    @Test
    void takesBeaconIntervalsFromTheSessionsInTimeOrder() {
        assertThat(HtmlReport.sessionIntervals(BEACON)).containsExactly(60.0, 61.0, 59.0);
    }

    @Test
    void drawsAHistogramOnlyForAlertsWithAtLeastThreeSessions() {
        Alert oneShot = TestAlerts.alert("AN0400", "WS-2", "{p2}", "2026-03-02T09:00:05Z", 60, 0);
        assertThat(count(new HtmlReport(List.of(BEACON, oneShot)).render(), "class=\"chart histogram\"")).isEqualTo(1);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
