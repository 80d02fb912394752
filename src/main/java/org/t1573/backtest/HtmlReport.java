package org.t1573.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.t1573.alert.Alert;

/**
 * The backtest report as one self-contained HTML file: inline CSS and SVG, no script and nothing
 * fetched, so it opens from disk or a mail attachment. Read top to bottom: the analytics that ran
 * (alerts, TP/FP/FN when labelled), misses, the diff, alerts over time, the alert table, then
 * each alert in detail.
 */
public final class HtmlReport {
    /** Alerts drawn in detail; the table lists them all. */
    static final int DETAILED_ALERTS = 200;
    private static final String CSS = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}h1{font-size:22px}
            h2{margin-top:32px;font-size:18px}h3{font-size:15px}h4{font-size:13px;margin:8px 0 2px}
            table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;
            text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}.TP{background:#dfd}
            .FP{background:#fdd}.FP_EXPECTED{background:#ffd}td.no-labels{color:#666;font-style:italic}
            table.summary th{background:#f6f6f6;font-weight:normal}.chart{display:block;margin:6px 0}
            .chart text{font-size:11px;fill:#333}.axis{stroke:#666}.guide{stroke:#ddd}.bar{fill:#4a78b5}
            .span{fill:#9db7dd}.dot{fill:#c0392b}.alert{border-top:1px solid #ddd;padding-top:8px}
            .caption{font-size:12px;color:#555}code{font-size:12px}""";

    private final List<Alert> alerts;
    private final Map<String, String> ran;
    private final Set<String> notRun;
    private Scorecard scores;
    private AlertDiff diff;
    private String nameA;
    private String nameB;
    private List<Alert> alertsB;
    private Scorecard scoresB;

    /**
     * @param ran id to title of each analytic that ran, in table order
     * @param notRun those left out for want of input of their platform
     */
    public HtmlReport(List<Alert> alerts, Map<String, String> ran, Set<String> notRun) {
        this.alerts = alerts;
        this.ran = ran;
        this.notRun = notRun;
    }

    public HtmlReport withScores(Scorecard card) {
        this.scores = card;
        return this;
    }

    /** The diff against run B; {@code scoresB} is null without labels. */
    public HtmlReport withDiff(AlertDiff d, String nameA, String nameB, List<Alert> alertsB, Scorecard scoresB) {
        this.diff = d;
        this.nameA = nameA;
        this.nameB = nameB;
        this.alertsB = alertsB;
        this.scoresB = scoresB;
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
        h.append("<h1>Backtest report</h1><p>").append(alerts.size()).append(" alert(s) from ").append(ran.size())
                .append(" analytic(s) that ran");
        if (!notRun.isEmpty()) {
            h.append("; not run, no input of their platform: ").append(Html.escape(String.join(", ", notRun)));
        }
        h.append("</p><h2>Analytics</h2>").append(AnalyticTable.of(ran, alerts, scores));
        if (scores != null) {
            missSection(h);
        }
        if (diff != null) {
            h.append(DiffSection.of(diff, nameA, nameB, scores, scoresB, DiffSection.verdictsByKey(alerts, scores),
                    DiffSection.verdictsByKey(alertsB, scoresB)));
        }
        overTimeSection(h);
        alertSection(h);
        return h.append("</body></html>").toString();
    }

    private void missSection(StringBuilder h) {
        if (scores.misses().isEmpty()) {
            return;
        }
        h.append("<h3>Misses</h3><table id=\"misses\"><tr><th>analytic</th><th>label</th><th>host</th>"
                + "<th>process</th><th>destination</th></tr>");
        for (Scorecard.Miss m : scores.misses()) {
            h.append("<tr><td>").append(Html.escape(m.analytic())).append("</td><td>line ").append(m.labelLine())
                    .append(' ').append(Html.escape(m.scenario())).append("</td>").append(Html.cell(m.host()))
                    .append(Html.cell(m.process())).append(Html.cell(m.destination())).append("</tr>");
        }
        h.append("</table>");
    }

    /** Only analytics with alerts: an empty chart says nothing the table's 0 does not. */
    private void overTimeSection(StringBuilder h) {
        Map<String, List<Instant>> byAnalytic = new TreeMap<>();
        alerts.forEach(a -> byAnalytic.computeIfAbsent(a.analytic().id(), k -> new ArrayList<>())
                .add(Instant.parse(a.firstSeen())));
        if (byAnalytic.isEmpty()) {
            return;
        }
        Instant from = alerts.stream().map(a -> Instant.parse(a.firstSeen())).min(Instant::compareTo).orElseThrow();
        Instant to = alerts.stream().map(a -> Instant.parse(a.lastSeen())).max(Instant::compareTo).orElseThrow();
        h.append("<h2>Alerts over time</h2>");
        byAnalytic.forEach((id, times) -> h.append("<section class=\"over-time\" data-analytic=\"")
                .append(Html.escape(id)).append("\">").append(Charts.alertsOverTime(id, times, from, to))
                .append("</section>"));
    }

    private void alertSection(StringBuilder h) {
        Map<String, Scorecard.ScoredAlert> verdicts = new TreeMap<>();
        if (scores != null) {
            scores.alerts().forEach(s -> verdicts.put(s.alertId(), s));
        }
        h.append("<h2>Alerts</h2>");
        if (scores == null) {
            h.append("<p class=\"caption\">No labels given: no verdicts (--labels FILE scores the alerts).</p>");
        }
        h.append("<table id=\"alerts\"><tr><th>first seen</th><th>analytic</th><th>source</th><th>process</th>"
                + "<th>destination</th><th>score</th>").append(scores == null ? "" : "<th>verdict</th><th>label</th>")
                .append("</tr>");
        for (Alert a : alerts) {
            Scorecard.ScoredAlert s = verdicts.get(a.alertId());
            h.append("<tr class=\"alert-row ").append(s == null ? "" : s.verdict()).append("\"><td><a href=\"#a-")
                    .append(Html.escape(a.alertId())).append("\">").append(Html.escape(a.firstSeen())).append("</a></td>")
                    .append(Html.cell(a.analytic().id())).append(Html.cell(AlertTitle.source(a)))
                    .append(Html.cell(AlertTitle.process(a))).append(Html.cell(AlertTitle.destinations(a)))
                    .append(Html.num(a.score()));
            if (s != null) {
                h.append(Html.cell(s.verdict())).append(Html.cell(s.labelLine() == null ? "no label row"
                        : "line " + s.labelLine() + " " + s.scenario()));
            }
            h.append("</tr>");
        }
        h.append("</table>");
        for (Alert a : alerts.subList(0, Math.min(DETAILED_ALERTS, alerts.size()))) {
            h.append(AlertDetail.of(a, verdicts.get(a.alertId())));
        }
    }
}
