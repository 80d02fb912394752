package org.t1573.backtest;

import java.util.Map;

/** An alert's summary (or any name-value map) as a two-column table instead of a printed Java map. */
final class SummaryTable {
    private SummaryTable() {}

    static String of(String cssClass, Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<table class=\"").append(cssClass).append("\">");
        values.forEach((k, v) -> h.append("<tr><th>").append(Html.escape(k)).append("</th>")
                .append(Html.cell(Html.value(v))).append("</tr>"));
        return h.append("</table>").toString();
    }
}
