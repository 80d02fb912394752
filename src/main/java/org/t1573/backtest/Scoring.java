package org.t1573.backtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.t1573.alert.Alert;

/**
 * Scores alerts against labels. An alert matches a row on host, process (or destination) and
 * time; it is a true positive on a malicious row listing its analytic, otherwise a false positive
 * (one a benign row lists is a documented one). Each malicious row's listed analytic without a
 * matching alert is a miss. Rows are per scenario and destination, so a miss counts per row.
 */
public final class Scoring {
    private Scoring() {}

    /** Scores {@code alerts} (final states, see {@link FinalAlerts}); {@code analytics} adds rows with no alerts. */
    public static Scorecard score(List<Alert> alerts, List<Label> labels, Collection<String> analytics) {
        Map<String, int[]> counts = new TreeMap<>();
        analytics.forEach(id -> counts.put(id, new int[4]));
        List<Scorecard.ScoredAlert> scored = new ArrayList<>();
        for (Alert a : alerts) {
            Scorecard.ScoredAlert s = verdict(a, labels);
            scored.add(s);
            int[] c = counts.computeIfAbsent(s.analytic(), k -> new int[4]);
            c[s.verdict().ordinal()]++;
        }
        List<Scorecard.Miss> misses = new ArrayList<>();
        for (Label l : labels) {
            for (String analytic : new TreeSet<>(l.expectedAlerts())) {
                if (l.malicious() && alerts.stream().noneMatch(a -> a.analytic().id().equals(analytic) && l.matches(a))) {
                    misses.add(new Scorecard.Miss(analytic, l.line(), l.scenario(), l.host(), l.process(),
                            l.destination()));
                    counts.computeIfAbsent(analytic, k -> new int[4])[3]++;
                }
            }
        }
        List<Scorecard.AnalyticScore> rows = new ArrayList<>();
        counts.forEach((id, c) -> {
            int tp = c[Verdict.TP.ordinal()];
            int expected = c[Verdict.FP_EXPECTED.ordinal()];
            int fp = c[Verdict.FP.ordinal()] + expected;
            rows.add(row(id, tp, fp, expected, c[3]));
        });
        return new Scorecard(rows, scored, misses);
    }

    /** Several runs' scorecards as one: counts summed per analytic, alerts and misses concatenated. */
    public static Scorecard combine(List<Scorecard> cards) {
        Map<String, int[]> counts = new TreeMap<>();
        List<Scorecard.ScoredAlert> alerts = new ArrayList<>();
        List<Scorecard.Miss> misses = new ArrayList<>();
        for (Scorecard card : cards) {
            for (Scorecard.AnalyticScore s : card.analytics()) {
                int[] c = counts.computeIfAbsent(s.analytic(), k -> new int[4]);
                c[0] += s.tp();
                c[1] += s.fp();
                c[2] += s.fpExpected();
                c[3] += s.fn();
            }
            alerts.addAll(card.alerts());
            misses.addAll(card.misses());
        }
        List<Scorecard.AnalyticScore> rows = new ArrayList<>();
        counts.forEach((id, c) -> rows.add(row(id, c[0], c[1], c[2], c[3])));
        return new Scorecard(rows, alerts, misses);
    }

    private static Scorecard.AnalyticScore row(String id, int tp, int fp, int fpExpected, int fn) {
        return new Scorecard.AnalyticScore(id, tp, fp, fpExpected, fn, ratio(tp, tp + fp), ratio(tp, tp + fn));
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The first matching row that lists the analytic decides; else the first matching row explains the FP. */
    private static Scorecard.ScoredAlert verdict(Alert a, List<Label> labels) {
        String id = a.analytic().id();
        Label listed = null;
        Label any = null;
        for (Label l : labels) {
            if (l.matches(a)) {
                any = any == null ? l : any;
                if (l.expectedAlerts().contains(id)) {
                    listed = l;
                    break;
                }
            }
        }
        Verdict v;
        String reason;
        Label row = listed != null ? listed : any;
        if (listed != null && listed.malicious()) {
            v = Verdict.TP;
            reason = "malicious row expects " + id;
        } else if (listed != null) {
            v = Verdict.FP_EXPECTED;
            reason = "benign row documents " + id + " as a false positive";
        } else if (any != null) {
            v = Verdict.FP;
            reason = (any.malicious() ? "malicious" : "benign") + " row does not expect " + id;
        } else {
            v = Verdict.FP;
            reason = "no label row matches host, process/destination and time";
        }
        return new Scorecard.ScoredAlert(a.alertId(), id, AlertDiff.hostName(a), ProcessRef.of(a),
                a.firstSeen(), a.score(), v, row == null ? null : row.line(), row == null ? null : row.scenario(),
                reason);
    }
}
