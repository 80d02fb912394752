package org.t1573.backtest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.t1573.alert.Alert;

/**
 * The {@code --compare} diff for the report: counts, per analytic both sides' TP/FP/FN when
 * labels were given, and every alert only in A, only in B or changed with its verdict on each side.
 */
final class DiffSection {
    private DiffSection() {}

    /** A run's verdicts keyed as {@link AlertDiff} keys alerts; empty without labels. */
    static Map<String, Verdict> verdictsByKey(List<Alert> alerts, Scorecard card) {
        Map<String, Verdict> out = new TreeMap<>();
        if (card == null) {
            return out;
        }
        Map<String, Verdict> byId = new TreeMap<>();
        card.alerts().forEach(s -> byId.put(s.alertId(), s.verdict()));
        alerts.forEach(a -> out.put(AlertDiff.key(a), byId.get(a.alertId())));
        return out;
    }

    static String of(AlertDiff diff, String nameA, String nameB, Scorecard scoresA, Scorecard scoresB,
            Map<String, Verdict> verdictsA, Map<String, Verdict> verdictsB) {
        StringBuilder h = new StringBuilder("<h2>Pattern diff</h2><p>A = <code>").append(Html.escape(nameA))
                .append("</code>, B = <code>").append(Html.escape(nameB)).append("</code>: only in A ")
                .append(diff.onlyA().size()).append(", only in B ").append(diff.onlyB().size()).append(", changed ")
                .append(diff.changed().size()).append(", unchanged ").append(diff.unchanged()).append("</p>");
        boolean scored = scoresA != null && scoresB != null;
        if (scored) {
            h.append(sideBySide(scoresA, scoresB));
        }
        h.append("<table id=\"diff\"><tr><th>side</th><th>alert (analytic host process window)</th>")
                .append(scored ? "<th>verdict A</th><th>verdict B</th>" : "").append("<th>details</th></tr>");
        diff.onlyA().forEach(e -> row(h, "only-a", "only A", e.key(), scored, verdictsA.get(e.key()), null,
                "score " + e.score() + SummaryTable.of("summary", e.summary())));
        diff.onlyB().forEach(e -> row(h, "only-b", "only B", e.key(), scored, null, verdictsB.get(e.key()),
                "score " + e.score() + SummaryTable.of("summary", e.summary())));
        for (AlertDiff.Change c : diff.changed()) {
            StringBuilder fields = new StringBuilder("<table class=\"changes\"><tr><th>field</th><th>A</th><th>B</th></tr>");
            c.fields().forEach(f -> fields.append("<tr>").append(Html.cell(f.field())).append(Html.cell(Html.value(f.a())))
                    .append(Html.cell(Html.value(f.b()))).append("</tr>"));
            row(h, "changed", "changed", c.key(), scored, verdictsA.get(c.key()), verdictsB.get(c.key()),
                    fields.append("</table>").toString());
        }
        return h.append("</table>").toString();
    }

    /** Details are HTML built from escaped parts. */
    private static void row(StringBuilder h, String cssClass, String side, String key, boolean scored, Verdict a,
            Verdict b, String details) {
        h.append("<tr class=\"").append(cssClass).append("\">").append(Html.cell(side)).append(Html.cell(key));
        if (scored) {
            h.append(Html.cell(a == null ? "-" : a)).append(Html.cell(b == null ? "-" : b));
        }
        h.append("<td>").append(details).append("</td></tr>");
    }

    private static String sideBySide(Scorecard a, Scorecard b) {
        Map<String, Scorecard.AnalyticScore> left = byId(a);
        Map<String, Scorecard.AnalyticScore> right = byId(b);
        Set<String> ids = new TreeSet<>(left.keySet());
        ids.addAll(right.keySet());
        StringBuilder h = new StringBuilder("<table id=\"diff-scores\"><tr><th>analytic</th><th>TP A</th><th>TP B</th>"
                + "<th>FP A</th><th>FP B</th><th>FN A</th><th>FN B</th></tr>");
        for (String id : ids) {
            Scorecard.AnalyticScore l = left.get(id);
            Scorecard.AnalyticScore r = right.get(id);
            if (l != null && l.equals(r) && l.tp() + l.fp() + l.fn() == 0) {
                continue; // silent on both sides: nothing to compare
            }
            h.append("<tr>").append(Html.cell(id)).append(count(l, Scorecard.AnalyticScore::tp))
                    .append(count(r, Scorecard.AnalyticScore::tp)).append(count(l, Scorecard.AnalyticScore::fp))
                    .append(count(r, Scorecard.AnalyticScore::fp)).append(count(l, Scorecard.AnalyticScore::fn))
                    .append(count(r, Scorecard.AnalyticScore::fn)).append("</tr>");
        }
        return h.append("</table>").toString();
    }

    private static String count(Scorecard.AnalyticScore s, java.util.function.ToIntFunction<Scorecard.AnalyticScore> f) {
        return Html.num(s == null ? "-" : f.applyAsInt(s));
    }

    private static Map<String, Scorecard.AnalyticScore> byId(Scorecard card) {
        Map<String, Scorecard.AnalyticScore> out = new TreeMap<>();
        card.analytics().forEach(s -> out.put(s.analytic(), s));
        return out;
    }
}
