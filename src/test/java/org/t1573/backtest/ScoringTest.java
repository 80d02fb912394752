package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;

class ScoringTest {
    private static final String HEADER = String.join(",", Labels.HEADER) + "\n";

    @TempDir
    Path dir;

    private List<Label> labels(String rows) throws IOException {
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, HEADER + rows);
        return Labels.read(f);
    }

    @Test
    void countsAnAlertOnAMaliciousRowListingItsAnalyticAsTruePositive() throws IOException {
        List<Label> rows = labels("c2,WS-1,{p1},,2026-03-02T08:00:00Z,2026-03-02T08:20:00Z,malicious,AN0400 SEED,beacon\n");
        Scorecard card = Scoring.score(List.of(TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 60)),
                rows, List.of("AN0400", "SEED"));
        assertThat(card.analytics()).containsExactly(
                new Scorecard.AnalyticScore("AN0400", 1, 0, 0, 0, 1.0, 1.0),
                new Scorecard.AnalyticScore("SEED", 0, 0, 0, 1, null, 0.0));
        assertThat(card.alerts().get(0).labelLine()).isEqualTo(2);
        assertThat(card.misses()).extracting(Scorecard.Miss::analytic).containsExactly("SEED");
    }

    @Test
    void separatesDocumentedFalsePositivesFromUnexpectedOnes() throws IOException {
        List<Label> rows = labels("agent,WS-1,{p2},,2026-03-02T09:00:00Z,2026-03-02T09:01:00Z,benign,SEED,edr\n"
                + "noise,WS-1,{p3},,2026-03-02T09:00:00Z,2026-03-02T09:01:00Z,benign,,notepad\n");
        Scorecard card = Scoring.score(List.of(
                TestAlerts.alert("SEED", "WS-1", "{p2}", "2026-03-02T09:00:03Z", 70),
                TestAlerts.alert("SEED", "WS-1", "{p3}", "2026-03-02T09:00:03Z", 70),
                TestAlerts.alert("SEED", "WS-9", "{p3}", "2026-03-02T09:00:03Z", 70)), rows, List.of());
        assertThat(card.alerts()).extracting(Scorecard.ScoredAlert::verdict)
                .containsExactly(Verdict.FP_EXPECTED, Verdict.FP, Verdict.FP);
        assertThat(card.alerts().get(2).labelLine()).isNull();
        assertThat(card.analytics()).containsExactly(new Scorecard.AnalyticScore("SEED", 0, 3, 1, 0, 0.0, null));
    }

    @Test
    void combinedScorecardsSumTheirCountsAndRecomputeTheRatios() throws IOException {
        List<Label> rows = labels("c2,WS-1,{p1},,2026-03-02T08:00:00Z,2026-03-02T08:20:00Z,malicious,AN0400,beacon\n");
        Scorecard found = Scoring.score(List.of(TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 60)),
                rows, List.of("AN0400"));
        Scorecard noisy = Scoring.score(List.of(TestAlerts.alert("AN0400", "WS-2", "{p9}", "2026-03-02T08:00:05Z", 60)),
                rows, List.of("AN0400"));

        Scorecard both = Scoring.combine(List.of(found, noisy));

        assertThat(both.analytics()).containsExactly(new Scorecard.AnalyticScore("AN0400", 1, 1, 0, 1, 0.5, 0.5));
        assertThat(both.alerts()).hasSize(2);
        assertThat(both.misses()).hasSize(1);
    }

    @Test
    void matchesOnlyWithinTheRowsTimeRangeIncludingItsLastSecond() throws IOException {
        List<Label> rows = labels("c2,WS-1,{p1},,2026-03-02T08:00:00Z,2026-03-02T08:10:00Z,malicious,AN0400,x\n");
        Alert inLastSecond = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:10:00.900Z", 60);
        Alert after = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:10:01Z", 60);
        assertThat(rows.get(0).matches(inLastSecond)).isTrue();
        assertThat(rows.get(0).matches(after)).isFalse();
    }

    @Test
    void matchesDefenderProcessesByPidAndStartAtMillisecondPrecision() throws IOException {
        List<Label> rows = labels("d,WS-4,4120@2026-03-02T12:00:00.0000076Z,,2026-03-02T12:00:00Z,"
                + "2026-03-02T12:09:59Z,malicious,AN0400,\"Defender, flat rows\"\n");
        Alert defender = TestAlerts.byPid("AN0400", "WS-4", 4120, "2026-03-02T12:00:00.000Z", "2026-03-02T12:00:06Z");
        assertThat(rows.get(0).description()).isEqualTo("Defender, flat rows");
        assertThat(rows.get(0).matches(defender)).isTrue();
    }

    @Test
    void matchesARowWithoutProcessByDestination() throws IOException {
        List<Label> rows = labels("net,WS-1,,203.0.113.5:4444,2026-03-02T08:00:00Z,2026-03-02T08:10:00Z,malicious,AN0404,x\n"
                + "other,WS-1,,198.51.100.1,2026-03-02T08:00:00Z,2026-03-02T08:10:00Z,malicious,AN0404,x\n");
        Alert a = TestAlerts.alert("AN0404", "WS-1", null, "2026-03-02T08:01:00Z", 60);
        assertThat(rows).extracting(l -> l.matches(a)).containsExactly(true, false);
    }
}
