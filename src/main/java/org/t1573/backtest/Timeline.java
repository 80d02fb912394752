package org.t1573.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.alert.Alert;

/**
 * An alert's sessions over its whole window, one row per destination. The bar spans the
 * destination's first to last session from the alert's aggregates ({@code destinations[]}), so a
 * beacon of hundreds of sessions is drawn over its real length although the alert carries only
 * the first evidence events; those are the dots. Steps without a destination (library loads) get
 * their own rows.
 */
final class Timeline {
    private static final int ROW = 26;
    private static final int TICKS = 4;
    private static final int LABEL_CHARS = 36;

    private Timeline() {}

    static String of(Alert a) {
        List<Row> rows = rows(a);
        List<Instant> times = new ArrayList<>();
        rows.forEach(r -> {
            times.addAll(r.dots);
            if (r.first != null) {
                times.add(r.first);
                times.add(r.last);
            }
        });
        int height = 46 + ROW * Math.max(1, rows.size());
        Svg svg = new Svg(Charts.WIDTH, height, "chart timeline", "sessions of alert " + a.alertId() + " over its window");
        if (times.isEmpty()) {
            return svg.text(Charts.LEFT, 20, "start", "no sessions or evidence").toString();
        }
        long from = times.stream().mapToLong(Instant::toEpochMilli).min().orElseThrow();
        long to = times.stream().mapToLong(Instant::toEpochMilli).max().orElseThrow();
        long span = Math.max(1, to - from);
        double plot = Charts.WIDTH - Charts.LEFT - Charts.RIGHT;
        int y = 24;
        for (Row r : rows) {
            svg.text(Charts.LEFT - 8, y + 4, "end", shorten(r.label)).line(Charts.LEFT, y, Charts.WIDTH - Charts.RIGHT, y,
                    "guide");
            if (r.first != null) {
                double x1 = Charts.LEFT + plot * (r.first.toEpochMilli() - from) / span;
                double x2 = Charts.LEFT + plot * (r.last.toEpochMilli() - from) / span;
                svg.rect(x1, y - 5, Math.max(2, x2 - x1), 10, "span", r.label + ": " + r.caption);
                svg.text(Charts.WIDTH - Charts.RIGHT, y - 8, "end", r.caption);
            }
            for (Instant t : r.dots) {
                svg.circle(Charts.LEFT + plot * (t.toEpochMilli() - from) / span, y, 3.5, "dot", r.label + " at " + t);
            }
            y += ROW;
        }
        int axis = height - 22;
        svg.line(Charts.LEFT, axis, Charts.WIDTH - Charts.RIGHT, axis, "axis");
        // one instant: its time is the whole axis, offsets of +0 s would say nothing
        for (int i = 0; i <= (to == from ? 0 : TICKS); i++) {
            double x = Charts.LEFT + plot * i / TICKS;
            String label = i == 0 ? Instant.ofEpochMilli(from).toString() : "+" + Span.of(span * i / TICKS);
            svg.line(x, axis, x, axis + 4, "axis").text(x, axis + 16, i == 0 ? "start" : i == TICKS ? "end" : "middle",
                    label);
        }
        return svg.toString();
    }

    /** Destinations first (in the alert's order), then evidence rows of other steps or unlisted destinations. */
    private static List<Row> rows(Alert a) {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (a.destinations() != null) {
            for (Alert.Destination d : a.destinations()) {
                rows.put(address(d.ip(), d.port()), new Row(AlertTitle.destination(d), d));
            }
        }
        if (a.evidence() != null) {
            for (Alert.Evidence e : a.evidence()) {
                String key = e.destinationIp() == null ? "step " + e.step() : address(e.destinationIp(), e.destinationPort());
                rows.computeIfAbsent(key, k -> new Row(k, null)).dots.add(Instant.parse(e.timestamp()));
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static String address(String ip, Integer port) {
        return ip + (port == null ? "" : ":" + port);
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "\u2026";
    }

    /** One row: the destination's first-to-last span when the aggregates tell it, and the evidence dots. */
    private static final class Row {
        final String label;
        final Instant first;
        final Instant last;
        final String caption;
        final List<Instant> dots = new ArrayList<>();

        Row(String label, Alert.Destination d) {
            this.label = label;
            boolean spanned = d != null && d.first() != null && d.last() != null;
            this.first = spanned ? Instant.parse(d.first()) : null;
            this.last = spanned ? Instant.parse(d.last()) : null;
            this.caption = spanned ? caption(d, first, last) : "";
        }

        private static String caption(Alert.Destination d, Instant first, Instant last) {
            String interval = d.intervalMedianSeconds() == null ? ""
                    : ", median interval " + Span.of(Math.round(d.intervalMedianSeconds() * 1000));
            String score = d.beaconScore() == null ? "" : ", beacon score " + d.beaconScore();
            long length = last.toEpochMilli() - first.toEpochMilli();
            return d.connections() + " session(s)" + (length == 0 ? "" : " over " + Span.of(length)) + interval + score;
        }
    }
}
