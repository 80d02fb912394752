package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;

class HtmlReportTest {
    private static final Alert BEACON = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 80, 0, 60,
            121, 180);
    /** 376 sessions a second apart (about 6 min), of which the alert carries the first 25 as evidence. */
    private static final Alert NETWORK = TestAlerts.network("T1573-BEACON", "10.0.1.4", "2026-03-02T08:00:00Z", 376,
            1, 25);

    private static final Map<String, String> RAN = new TreeMap<>(Map.of("AN0400", "crypto loads, then a beacon",
            "T1573-BEACON", "regular sessions"));

    private static HtmlReport report(Alert... alerts) {
        return new HtmlReport(List.of(alerts), RAN, Set.of());
    }

    @Test
    void referencesNothingOutsideTheFile() {
        String html = report(BEACON, NETWORK).render();
        assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "http://", "https://")
                .contains("<style>");
    }

    @Test
    void escapesTextFromTheLogs() {
        Alert nasty = TestAlerts.alert("AN0400", "<img src=x>", "{p1}", "2026-03-02T08:00:05Z", 80, 0);
        assertThat(report(nasty).render()).doesNotContain("<img").contains("&lt;img src=x&gt;");
    }

    @Test
    void takesBeaconIntervalsFromTheSessionsInTimeOrder() {
        assertThat(AlertDetail.sessionIntervals(BEACON)).containsExactly(60.0, 61.0, 59.0);
    }

    @Test
    void drawsAHistogramOnlyForAlertsWithAtLeastThreeSessions() {
        Alert oneShot = TestAlerts.alert("AN0400", "WS-2", "{p2}", "2026-03-02T09:00:05Z", 60, 0);
        assertThat(count(report(BEACON, oneShot).render(), "class=\"chart histogram\"")).isEqualTo(1);
    }

    @Test
    void listsOnlyTheAnalyticsThatRanAndNamesTheOthers() {
        String html = new HtmlReport(List.of(BEACON), new TreeMap<>(Map.of("AN0400", "", "AN0500", "")),
                new TreeSet<>(Set.of("AN1500", "AN0763"))).render();
        assertThat(count(html, "<tr class=\"analytic\"")).isEqualTo(2);
        assertThat(html).contains("not run, no input of their platform: AN0763, AN1500")
                .doesNotContain("data-analytic=\"AN1500\"");
        // an analytic that ran silent gets its row (0 alerts) but no empty chart
        assertThat(count(html, "<section class=\"over-time\"")).isEqualTo(1);
    }

    @Test
    void saysWhyThereAreNoVerdictsWithoutLabels() {
        String html = report(BEACON).render();
        assertThat(count(html, "no labels given")).isEqualTo(2);
        assertThat(html).doesNotContain("<th>verdict</th>");
    }

    @Test
    void showsTpFpFnAndVerdictsWhenLabelled() {
        Label row = new Label(2, "c2", "WS-1", "{p1}", "", Instant.parse("2026-03-02T08:00:00Z"),
                Instant.parse("2026-03-02T08:20:00Z"), true, Set.of("AN0400", "T1573-BEACON"), "beacon");
        Scorecard card = Scoring.score(List.of(BEACON), List.of(row), List.of("AN0400", "T1573-BEACON"));
        String html = report(BEACON).withScores(card).render();
        assertThat(html).contains("<th>verdict</th>", "malicious row expects AN0400")
                .contains("<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                        + "<td class=\"n\">100%</td>")
                .doesNotContain("no labels given");
    }

    @Test
    void writesSummariesAsTablesNotJavaMaps() {
        String html = report(NETWORK).render();
        assertThat(html).contains("<tr><th>SourceIPs</th><td>10.0.1.4</td></tr>", "<th>Sessions</th><td>376</td>")
                .doesNotContain("{SourceIPs=", "[10.0.1.4]");
    }

    @Test
    void titlesANetworkAlertWithSourceDestinationAndPort() {
        assertThat(AlertTitle.of(NETWORK)).isEqualTo("T1573-BEACON 10.0.1.4 \u2192 c2.example (198.51.100.7:443)");
        assertThat(AlertTitle.of(BEACON)).isEqualTo("AN0400 WS-1 x.exe {p1} \u2192 203.0.113.5:4444");
    }

    @Test
    void namesTheProcessAHostSensorJoinedToANetworkAlertsSessions() {
        Alert joined = TestAlerts.joined(NETWORK, "powershell.exe", 4321);
        assertThat(AlertTitle.of(joined))
                .isEqualTo("T1573-BEACON 10.0.1.4 powershell.exe pid 4321 \u2192 c2.example (198.51.100.7:443)");
    }

    @Test
    void drawsTheDestinationOverItsWholeWindowNotJustTheEvidence() {
        String timeline = Timeline.of(NETWORK);
        // 375 s from first to last session: the axis ends there, not at the 25th evidence event (+24 s)
        assertThat(timeline).contains("376 session(s) over 6 min 15 s", ">+6 min 15 s</text>")
                .doesNotContain(">+24 s<");
        assertThat(count(timeline, "class=\"dot\"")).isEqualTo(25);
        assertThat(AlertDetail.of(NETWORK, null)).contains("351 more not carried", "of 376 session(s) in all");
    }

    @Test
    void drawsASingleSessionAtItsTimeWithoutOffsets() {
        Alert single = TestAlerts.network("AN0404", "10.0.1.4", "2026-03-02T08:00:00Z", 1, 1, 1);
        assertThat(Timeline.of(single)).contains(">1 session(s), median interval", ">2026-03-02T08:00:00Z</text>")
                .doesNotContain("+0", "session(s) over");
    }

    @Test
    void labelsTheHistogramsCountAxisAndBars() {
        String histogram = IntervalHistogram.of("a", List.of(58.0, 59.0, 59.0, 58.0, 300.0));
        // 15 s bins up to 5 min: the four intervals just under a minute share one, its bar and the axis say 4
        assertThat(histogram).contains("<title>4 interval(s) of 45 s to 1 min</title>", ">4</text>", ">intervals</text>",
                ">time between successive sessions</text>", ">5 min</text>");
    }

    @Test
    void showsBeaconScoresPerDestinationAndOverTheWindow() {
        String html = AlertDetail.of(NETWORK, null);
        assertThat(html).contains("<th>highest beacon score over the beacon window</th><td>0.984</td>",
                "<th>beacon score</th>", "<td class=\"n\">0.875</td>");
        assertThat(AlertDetail.of(BEACON, null)).doesNotContain("<h4>Beacon</h4>");
    }

    @Test
    void scoresBothSidesOfTheDiff() {
        Label row = new Label(2, "c2", "WS-1", "{p1}", "", Instant.parse("2026-03-02T08:00:00Z"),
                Instant.parse("2026-03-02T08:20:00Z"), true, Set.of("AN0400"), "beacon");
        Alert weaker = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 70, 0, 60, 121, 180);
        List<String> ids = List.of("AN0400");
        String html = new HtmlReport(List.of(BEACON), Map.of("AN0400", ""), Set.of())
                .withScores(Scoring.score(List.of(BEACON), List.of(row), ids))
                .withDiff(AlertDiff.compare(List.of(BEACON), List.of(weaker)), "new", "old", List.of(weaker),
                        Scoring.score(List.of(weaker), List.of(row), ids))
                .render();
        assertThat(html).contains("<table id=\"diff-scores\">", "<th>verdict A</th><th>verdict B</th>",
                "<td>changed</td>", "<td>TP</td><td>TP</td>", "<tr><td>score</td><td>80</td><td>70</td></tr>");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
