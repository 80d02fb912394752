package org.t1573.backtest;

import java.util.List;

/**
 * The seconds between successive sessions, binned, with a count axis and the count on each bar:
 * a beacon is one tall narrow peak, jitter widens it, browsing spreads over the axis.
 */
final class IntervalHistogram {
    private static final int BINS = 20;
    private static final int HEIGHT = 190;
    private static final int TOP = 24;
    private static final int BASE = HEIGHT - 44;

    private IntervalHistogram() {}

    static String of(String alertId, List<Double> intervals) {
        double max = intervals.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        // whole seconds per bin, hundredths when all intervals are short, so a sub-second beacon spreads over the axis
        double width = max >= BINS ? Math.ceil(max / BINS) : Math.max(0.01, Math.ceil(max * 100 / BINS) / 100);
        int[] counts = new int[BINS];
        for (double s : intervals) {
            counts[(int) Math.min(BINS - 1, Math.floor(s / width))]++;
        }
        int top = 1;
        for (int n : counts) {
            top = Math.max(top, n);
        }
        Svg svg = new Svg(Charts.WIDTH, HEIGHT, "chart histogram", "intervals between sessions of alert " + alertId);
        double plot = Charts.WIDTH - Charts.LEFT - Charts.RIGHT;
        double w = plot / BINS;
        double tall = BASE - TOP;
        svg.line(Charts.LEFT, BASE, Charts.WIDTH - Charts.RIGHT, BASE, "axis").line(Charts.LEFT, TOP, Charts.LEFT, BASE,
                "axis");
        for (int tick : new int[] {0, (top + 1) / 2, top}) {
            double y = BASE - tall * tick / top;
            svg.line(Charts.LEFT - 4, y, Charts.LEFT, y, "axis").text(Charts.LEFT - 8, y + 4, "end", String.valueOf(tick));
        }
        svg.text(Charts.LEFT - 40, TOP + tall / 2, "end", "intervals");
        for (int i = 0; i < BINS; i++) {
            if (counts[i] > 0) {
                double h = tall * counts[i] / top;
                double x = Charts.LEFT + i * w;
                svg.rect(x + 1, BASE - h, Math.max(1, w - 2), h, "bar", counts[i] + " interval(s) of "
                        + seconds(i * width) + " to " + seconds((i + 1) * width));
                svg.text(x + w / 2, BASE - h - 3, "middle", String.valueOf(counts[i]));
            }
        }
        for (int i = 0; i <= BINS; i += BINS / 4) {
            double x = Charts.LEFT + i * w;
            svg.line(x, BASE, x, BASE + 4, "axis").text(x, BASE + 16, "middle", seconds(i * width));
        }
        svg.text(Charts.LEFT + plot / 2, HEIGHT - 6, "middle", "time between successive sessions");
        return svg.toString();
    }

    private static String seconds(double s) {
        return Span.of(Math.round(s * 1000));
    }
}
