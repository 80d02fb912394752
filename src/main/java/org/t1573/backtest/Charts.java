package org.t1573.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.alert.Alert;

/** The report's charts as inline SVG: no script, no fonts or images from the network. */
final class Charts {
    static final int WIDTH = 760;
    private static final int LEFT = 170;
    private static final int RIGHT = 20;
    private static final int BINS = 48;

    private Charts() {}

    /** Alerts of one analytic per time bin over [from, to] of the whole run. */
    static String alertsOverTime(String analytic, List<Instant> times, Instant from, Instant to) {
        int height = 120;
        int base = height - 25;
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        int[] bins = new int[BINS];
        for (Instant t : times) {
            int b = (int) Math.min(BINS - 1, (t.toEpochMilli() - from.toEpochMilli()) * BINS / span);
            bins[b]++;
        }
        int max = 1;
        for (int n : bins) {
            max = Math.max(max, n);
        }
        double plot = WIDTH - LEFT - RIGHT;
        double w = plot / BINS;
        Svg svg = new Svg(WIDTH, height, "chart alerts-over-time", "alerts over time: " + analytic);
        svg.text(LEFT - 8, base, "end", analytic).line(LEFT, base, WIDTH - RIGHT, base, "axis");
        for (int i = 0; i < BINS; i++) {
            if (bins[i] > 0) {
                double h = (base - 10) * bins[i] / (double) max;
                Instant binStart = Instant.ofEpochMilli(from.toEpochMilli() + span * i / BINS);
                svg.rect(LEFT + i * w, base - h, Math.max(1, w - 1), h, "bar",
                        bins[i] + " alert(s) from " + binStart);
            }
        }
        svg.text(LEFT, height - 8, "start", from.toString()).text(WIDTH - RIGHT, height - 8, "end", to.toString());
        svg.text(LEFT - 8, 16, "end", "max " + max);
        return svg.toString();
    }

    /** One row per destination: a dot per session in the alert's evidence, library loads and other steps on top. */
    static String connectionTimeline(Alert a) {
        Map<String, List<Instant>> rows = new LinkedHashMap<>();
        List<Instant> all = new ArrayList<>();
        if (a.evidence() != null) {
            for (Alert.Evidence e : a.evidence()) {
                String row = e.destinationIp() != null ? e.destinationIp() + (e.destinationPort() == null ? ""
                        : ":" + e.destinationPort()) : e.step();
                Instant t = Instant.parse(e.timestamp());
                rows.computeIfAbsent(row, k -> new ArrayList<>()).add(t);
                all.add(t);
            }
        }
        int rowHeight = 22;
        int height = 40 + rowHeight * Math.max(1, rows.size());
        Svg svg = new Svg(WIDTH, height, "chart timeline", "connection timeline of alert " + a.alertId());
        if (all.isEmpty()) {
            return svg.text(LEFT, 20, "start", "no evidence").toString();
        }
        Instant from = all.stream().min(Instant::compareTo).orElseThrow();
        Instant to = all.stream().max(Instant::compareTo).orElseThrow();
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        double plot = WIDTH - LEFT - RIGHT;
        int y = 20;
        for (Map.Entry<String, List<Instant>> r : rows.entrySet()) {
            svg.text(LEFT - 8, y + 4, "end", r.getKey()).line(LEFT, y, WIDTH - RIGHT, y, "guide");
            for (Instant t : r.getValue()) {
                double x = LEFT + plot * (t.toEpochMilli() - from.toEpochMilli()) / span;
                svg.circle(x, y, 4, "dot", r.getKey() + " at " + t);
            }
            y += rowHeight;
        }
        svg.text(LEFT, height - 6, "start", from.toString()).text(WIDTH - RIGHT, height - 6, "end",
                "+" + Math.round(span / 1000.0) + " s");
        return svg.toString();
    }

    /** Seconds between successive sessions, binned: a beacon shows as one tall narrow peak. */
    static String intervalHistogram(String alertId, List<Double> intervals) {
        int height = 130;
        int base = height - 25;
        double max = intervals.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int bins = 20;
        double width = Math.max(1, Math.ceil(max / bins));
        int[] counts = new int[bins];
        for (double s : intervals) {
            counts[(int) Math.min(bins - 1, Math.floor(s / width))]++;
        }
        int top = 1;
        for (int n : counts) {
            top = Math.max(top, n);
        }
        Svg svg = new Svg(WIDTH, height, "chart histogram", "session intervals of alert " + alertId);
        double plot = WIDTH - LEFT - RIGHT;
        double w = plot / bins;
        svg.text(LEFT - 8, base, "end", "intervals (s)").line(LEFT, base, WIDTH - RIGHT, base, "axis");
        for (int i = 0; i < bins; i++) {
            if (counts[i] > 0) {
                double h = (base - 10) * counts[i] / (double) top;
                svg.rect(LEFT + i * w, base - h, Math.max(1, w - 2), h, "bar",
                        counts[i] + " interval(s) of " + Math.round(i * width) + "-" + Math.round((i + 1) * width) + " s");
            }
        }
        svg.text(LEFT, height - 8, "start", "0 s").text(WIDTH - RIGHT, height - 8, "end",
                Math.round(width * bins) + " s");
        return svg.toString();
    }
}
