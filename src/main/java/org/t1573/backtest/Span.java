package org.t1573.backtest;

/** A time span as an analyst reads it on an axis: "600 ms", "4.5 s", "45 s", "4 min 10 s", "16 h 5 min", "2 d 3 h". */
final class Span {
    private Span() {}

    static String of(long millis) {
        if (millis == 0) {
            return "0 s";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            // short beacons (sub-second to a few seconds) need the tenth to be told apart
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = Math.round(millis / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return two(s / 60, "min", s % 60, "s");
        }
        if (s < 86_400) {
            return two(s / 3600, "h", s % 3600 / 60, "min");
        }
        return two(s / 86_400, "d", s % 86_400 / 3600, "h");
    }

    private static String two(long big, String bigUnit, long small, String smallUnit) {
        return big + " " + bigUnit + (small == 0 ? "" : " " + small + " " + smallUnit);
    }
}
