package org.t1573.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.t1573.alert.Alert;

/**
 * The backtest report as one self-contained HTML file: inline CSS and SVG, no script and nothing
 * fetched, so it opens from disk or a mail attachment. Sections: scores, diff, alerts over time
 * per analytic, then each alert with its connection timeline and interval histogram.
 */
public final class HtmlReport {
    /** Alerts drawn in detail; the table lists them all. */
    static final int DETAILED_ALERTS = 200;
    private static final String CSS = """
            body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:22px}h2{margin-top:32px;font-size:18px}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;
            text-align:left}th{background:#eee}td.n{text-align:right}.TP{background:#dfd}.FP{background:#fdd}
            .FP_EXPECTED{background:#ffd}.chart{display:block;margin:6px 0}.chart text{font-size:11px;fill:#333}
            .axis{stroke:#666}.guide{stroke:#ddd}.bar{fill:#4a78b5}.dot{fill:#c0392b}.alert{border-top:1px solid #ddd;
            padding-top:8px}code{font-size:12px}""";

    private final List<Alert> alerts;
    private Scorecard scores;
    private AlertDiff diff;
    private String nameA;
    private String nameB;

    public HtmlReport(List<Alert> alerts) {
        this.alerts = alerts;
    }

    public HtmlReport withScores(Scorecard card) {
        this.scores = card;
        return this;
    }

    public HtmlReport withDiff(AlertDiff d, String a, String b) {
        this.diff = d;
        this.nameA = a;
        this.nameB = b;
        return this;
    }

    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    public String render() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>t1573-cep backtest report</title><style>" + CSS + "</style></head><body>");
        h.append("<h1>Backtest report</h1><p>").append(alerts.size()).append(" alert(s)</p>");
        if (scores != null) {
            scoreSection(h);
        }
        if (diff != null) {
            diffSection(h);
        }
        overTimeSection(h);
        alertSection(h);
        return h.append("</body></html>").toString();
    }

    private void scoreSection(StringBuilder h) {
        h.append("<h2>Precision and recall</h2><table id=\"scores\"><tr><th>analytic</th><th>TP</th><th>FP</th>"
                + "<th>of which documented</th><th>FN</th><th>precision</th><th>recall</th></tr>");
        for (Scorecard.AnalyticScore s : scores.analytics()) {
            h.append("<tr class=\"score\"><td>").append(Html.escape(s.analytic())).append("</td>")
                    .append(num(s.tp())).append(num(s.fp())).append(num(s.fpExpected())).append(num(s.fn()))
                    .append("<td class=\"n\">").append(Reports.percent(s.precision())).append("</td><td class=\"n\">")
                    .append(Reports.percent(s.recall())).append("</td></tr>");
        }
        h.append("</table>");
        if (!scores.misses().isEmpty()) {
            h.append("<h3>Misses</h3><table id=\"misses\"><tr><th>analytic</th><th>label</th><th>host</th>"
                    + "<th>process</th><th>destination</th></tr>");
            for (Scorecard.Miss m : scores.misses()) {
                h.append("<tr><td>").append(Html.escape(m.analytic())).append("</td><td>line ").append(m.labelLine())
                        .append(' ').append(Html.escape(m.scenario())).append(cell(m.host())).append(cell(m.process()))
                        .append(cell(m.destination())).append("</tr>");
            }
            h.append("</table>");
        }
    }

    private void diffSection(StringBuilder h) {
        h.append("<h2>Pattern diff</h2><p>A = <code>").append(Html.escape(nameA)).append("</code>, B = <code>")
                .append(Html.escape(nameB)).append("</code>: only in A ").append(diff.onlyA().size())
                .append(", only in B ").append(diff.onlyB().size()).append(", changed ").append(diff.changed().size())
                .append(", unchanged ").append(diff.unchanged()).append("</p><table id=\"diff\"><tr><th>side</th>"
                        + "<th>alert (analytic host process window)</th><th>details</th></tr>");
        diff.onlyA().forEach(e -> h.append("<tr class=\"only-a\"><td>only A</td>").append(cell(e.key()))
                .append(cell("score " + e.score() + " " + e.summary())).append("</tr>"));
        diff.onlyB().forEach(e -> h.append("<tr class=\"only-b\"><td>only B</td>").append(cell(e.key()))
                .append(cell("score " + e.score() + " " + e.summary())).append("</tr>"));
        for (AlertDiff.Change c : diff.changed()) {
            StringBuilder fields = new StringBuilder();
            c.fields().forEach(f -> fields.append(f.field()).append(": A=").append(f.a()).append(" B=").append(f.b())
                    .append("; "));
            h.append("<tr class=\"changed\"><td>changed</td>").append(cell(c.key())).append(cell(fields)).append("</tr>");
        }
        h.append("</table>");
    }

    private void overTimeSection(StringBuilder h) {
        h.append("<h2>Alerts over time per analytic</h2>");
        Map<String, List<Instant>> byAnalytic = new TreeMap<>();
        if (scores != null) {
            scores.analytics().forEach(s -> byAnalytic.put(s.analytic(), new ArrayList<>()));
        }
        alerts.forEach(a -> byAnalytic.computeIfAbsent(a.analytic().id(), k -> new ArrayList<>())
                .add(Instant.parse(a.firstSeen())));
        Instant from = alerts.stream().map(a -> Instant.parse(a.firstSeen())).min(Instant::compareTo)
                .orElse(Instant.EPOCH);
        Instant to = alerts.stream().map(a -> Instant.parse(a.lastSeen())).max(Instant::compareTo).orElse(from);
        byAnalytic.forEach((id, times) -> h.append("<section class=\"analytic\" data-analytic=\"").append(Html.escape(id))
                .append("\"><h3>").append(Html.escape(id)).append(" (").append(times.size()).append(")</h3>")
                .append(Charts.alertsOverTime(id, times, from, to)).append("</section>"));
    }

    private void alertSection(StringBuilder h) {
        Map<String, Scorecard.ScoredAlert> verdicts = new TreeMap<>();
        if (scores != null) {
            scores.alerts().forEach(s -> verdicts.put(s.alertId(), s));
        }
        h.append("<h2>Alerts</h2><table id=\"alerts\"><tr><th>first seen</th><th>analytic</th><th>host</th>"
                + "<th>process</th><th>score</th><th>verdict</th><th>label</th></tr>");
        for (Alert a : alerts) {
            Scorecard.ScoredAlert s = verdicts.get(a.alertId());
            h.append("<tr class=\"alert-row ").append(s == null ? "" : s.verdict()).append("\"><td><a href=\"#a-")
                    .append(Html.escape(a.alertId())).append("\">").append(Html.escape(a.firstSeen())).append("</a></td>")
                    .append(cell(a.analytic().id())).append(cell(AlertDiff.hostName(a)))
                    .append(cell(processName(a))).append(num(a.score())).append(cell(s == null ? "" : s.verdict()))
                    .append(cell(s == null || s.labelLine() == null ? "" : "line " + s.labelLine() + " " + s.scenario()))
                    .append("</tr>");
        }
        h.append("</table>");
        for (Alert a : alerts.subList(0, Math.min(DETAILED_ALERTS, alerts.size()))) {
            h.append("<div class=\"alert\" id=\"a-").append(Html.escape(a.alertId())).append("\"><h3>")
                    .append(Html.escape(a.analytic().id() + " on " + AlertDiff.hostName(a) + ": "
                            + processName(a))).append("</h3><p><code>").append(Html.escape(a.summary()))
                    .append("</code></p>").append(Charts.connectionTimeline(a));
            List<Double> intervals = sessionIntervals(a);
            if (intervals.size() >= 2) {
                h.append(Charts.intervalHistogram(a.alertId(), intervals));
            }
            if (a.evidenceTruncated() > 0) {
                h.append("<p>").append(a.evidenceTruncated()).append(" more evidence events not drawn</p>");
            }
            h.append("</div>");
        }
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

    private static String processName(Alert a) {
        String name = a.process() == null || a.process().name() == null ? "" : a.process().name() + " ";
        return name + ProcessRef.of(a);
    }

    private static String cell(Object v) {
        return "<td>" + Html.escape(v) + "</td>";
    }

    private static String num(long v) {
        return "<td class=\"n\">" + v + "</td>";
    }
}
