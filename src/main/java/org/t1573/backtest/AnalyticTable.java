package org.t1573.backtest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.t1573.alert.Alert;

/**
 * The report's first table: one row per analytic that ran, with its alerts and, when labels were
 * given, TP, FP and FN; without labels the row says so rather than showing empty verdicts.
 */
final class AnalyticTable {
    private static final int SCORE_COLUMNS = 6;

    private AnalyticTable() {}

    /** {@code ran}: id to title of each analytic that ran, in table order. */
    static String of(Map<String, String> ran, List<Alert> alerts, Scorecard scores) {
        Map<String, Integer> counts = new TreeMap<>();
        alerts.forEach(a -> counts.merge(a.analytic().id(), 1, Integer::sum));
        Map<String, Scorecard.AnalyticScore> byId = new TreeMap<>();
        if (scores != null) {
            scores.analytics().forEach(s -> byId.put(s.analytic(), s));
        }
        StringBuilder h = new StringBuilder("<table id=\"analytics\"><tr><th>analytic</th><th>title</th><th>alerts</th>"
                + "<th>TP</th><th>FP</th><th>of which documented</th><th>FN</th><th>precision</th><th>recall</th></tr>");
        for (String id : ran.keySet()) {
            h.append("<tr class=\"analytic\" data-analytic=\"").append(Html.escape(id)).append("\">")
                    .append(Html.cell(id)).append(Html.cell(ran.get(id)))
                    .append(Html.num(counts.getOrDefault(id, 0)));
            Scorecard.AnalyticScore s = byId.get(id);
            if (scores == null) {
                h.append("<td class=\"no-labels\" colspan=\"").append(SCORE_COLUMNS)
                        .append("\">no labels given (--labels FILE scores the alerts)</td>");
            } else if (s != null) {
                h.append(Html.num(s.tp())).append(Html.num(s.fp())).append(Html.num(s.fpExpected()))
                        .append(Html.num(s.fn())).append(Html.num(Reports.percent(s.precision())))
                        .append(Html.num(Reports.percent(s.recall())));
            }
            h.append("</tr>");
        }
        return h.append("</table>").toString();
    }
}
