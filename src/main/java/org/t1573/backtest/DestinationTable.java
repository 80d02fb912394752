package org.t1573.backtest;

import org.t1573.alert.Alert;

/** Per destination of an alert, its sessions over the whole window as the aggregates count them, with its beacon score. */
final class DestinationTable {
    private DestinationTable() {}

    static String of(Alert a) {
        if (a.destinations() == null || a.destinations().isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<table class=\"destinations\"><tr><th>destination</th><th>sessions</th>"
                + "<th>first</th><th>last</th><th>median interval</th><th>mean interval</th><th>bytes out</th>"
                + "<th>bytes in</th><th>beacon score</th></tr>");
        for (Alert.Destination d : a.destinations()) {
            h.append("<tr>").append(Html.cell(AlertTitle.destination(d))).append(Html.num(d.connections()))
                    .append(Html.cell(orDash(d.first()))).append(Html.cell(orDash(d.last())))
                    .append(Html.num(seconds(d.intervalMedianSeconds()))).append(Html.num(seconds(d.intervalMeanSeconds())))
                    .append(Html.num(orDash(d.bytesOut()))).append(Html.num(orDash(d.bytesIn())))
                    .append(Html.num(orDash(d.beaconScore()))).append("</tr>");
        }
        return h.append("</table>").toString();
    }

    private static String seconds(Double s) {
        return s == null ? "-" : Span.of(Math.round(s * 1000));
    }

    private static Object orDash(Object v) {
        return v == null ? "-" : v;
    }
}
