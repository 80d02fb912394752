package org.t1573.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The result of scoring a run against labels: a row per analytic, every alert with its verdict
 * and label row, and every miss.
 */
public record Scorecard(List<AnalyticScore> analytics, List<ScoredAlert> alerts, List<Miss> misses) {

    /**
     * Counts of one analytic. Precision and recall are null when undefined (nothing raised, nothing expected).
     *
     * @param fpExpected the false positives that a benign label row documents (included in {@code fp})
     */
    public record AnalyticScore(String analytic, int tp, int fp, @JsonProperty("fp_expected") int fpExpected,
            int fn, Double precision, Double recall) {}

    /** One alert, linked to the label row it matched (null fields when it matched none). */
    public record ScoredAlert(@JsonProperty("alert_id") String alertId, String analytic, String host, String process,
            @JsonProperty("first_seen") String firstSeen, int score, Verdict verdict,
            @JsonProperty("label_line") Integer labelLine, String scenario, String reason) {}

    /** A malicious row whose expected analytic raised nothing. */
    public record Miss(String analytic, @JsonProperty("label_line") int labelLine, String scenario, String host,
            String process, String destination) {}
}
