package org.t1573.backtest;

import java.time.Instant;
import java.util.List;

/** The alerts of one analytic over the run as inline SVG; {@link Timeline} and {@link IntervalHistogram} draw one alert. */
final class Charts {
    static final int WIDTH = 900;
    static final int LEFT = 230;
    static final int RIGHT = 20;
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
}
