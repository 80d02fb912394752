package org.t1573.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.t1573.alert.Alert;

/**
 * One alert as an analyst reads it: who talked to whom, its summary and beacon scores as tables,
 * its destinations over the whole window, the timeline and the interval histogram, its notes.
 */
final class AlertDetail {
    private AlertDetail() {}

    /** {@code verdict} is null without labels. */
    static String of(Alert a, Scorecard.ScoredAlert verdict) {
        StringBuilder h = new StringBuilder("<div class=\"alert\" id=\"a-").append(Html.escape(a.alertId()))
                .append("\"><h3>").append(Html.escape(AlertTitle.of(a))).append("</h3><p>")
                .append(Html.escape(a.firstSeen() + " to " + a.lastSeen() + ", score " + a.score() + ", severity "
                        + a.severity()));
        if (verdict != null) {
            h.append(", <span class=\"").append(verdict.verdict()).append("\">").append(verdict.verdict())
                    .append("</span> ").append(Html.escape(verdict.reason()));
        }
        h.append("</p>").append(SummaryTable.of("summary", a.summary())).append(BeaconTable.of(a))
                .append(DestinationTable.of(a)).append(Timeline.of(a));
        long drawn = a.evidence() == null ? 0 : a.evidence().size();
        h.append("<p class=\"caption\">Bars: each destination's first to last session (aggregates). Dots: the ")
                .append(drawn).append(" evidence event(s) the alert carries");
        if (a.evidenceTruncated() > 0) {
            h.append(" (").append(a.evidenceTruncated()).append(" more not carried)");
        }
        h.append(".</p>");
        List<Double> intervals = sessionIntervals(a);
        if (intervals.size() >= 2) {
            h.append(IntervalHistogram.of(a.alertId(), intervals)).append("<p class=\"caption\">")
                    .append(intervals.size()).append(" interval(s) between the evidence sessions");
            Object sessions = a.aggregates() == null ? null : a.aggregates().get("connections.count");
            if (sessions != null) {
                h.append(" of ").append(Html.escape(sessions)).append(" session(s) in all");
            }
            h.append(".</p>");
        }
        if (a.notes() != null && !a.notes().isEmpty()) {
            h.append("<ul class=\"notes\">");
            a.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            h.append("</ul>");
        }
        return h.append("</div>").toString();
    }

    /** Seconds between successive network sessions of the alert's evidence, in time order. */
    static List<Double> sessionIntervals(Alert a) {
        List<Long> times = new ArrayList<>();
        if (a.evidence() != null) {
            a.evidence().stream().filter(e -> e.destinationIp() != null)
                    .forEach(e -> times.add(Instant.parse(e.timestamp()).toEpochMilli()));
        }
        times.sort(Long::compare);
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            out.add((times.get(i) - times.get(i - 1)) / 1000.0);
        }
        return out;
    }
}
