package org.t1573.backtest;

import java.time.Duration;

/** One progress line of a long backtest: records read, rate, share done and time remaining. */
public final class ProgressLine {
    private ProgressLine() {}

    /**
     * @param read records read so far (all channels)
     * @param estimated estimated records of the whole input ({@link InputEstimate}); 0 when unknown
     */
    public static String format(long read, long estimated, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        double rate = read / seconds;
        StringBuilder s = new StringBuilder(String.format("progress: %,d records read (%,.0f/s)", read, rate));
        if (estimated > 0 && read > 0) {
            double done = Math.min(1.0, read / (double) estimated);
            long remaining = rate <= 0 ? 0 : Math.round(Math.max(0, estimated - read) / rate);
            s.append(String.format(", ~%.0f%% of ~%,d, ~%s remaining", done * 100, estimated, clock(remaining)));
        }
        return s.toString();
    }

    private static String clock(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
