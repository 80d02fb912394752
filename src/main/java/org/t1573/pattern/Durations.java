package org.t1573.pattern;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sigma-style durations: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d}. */
public final class Durations {
    /** What {@link #parse} accepts, for help texts. */
    public static final String HELP = "a duration such as 500ms, 90s, 15m, 1h, 1d";
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    /** Parses a duration; throws IllegalArgumentException with the accepted forms. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (use a number and one of ms, s, m, h, d, e.g. 15m)");
        }
        try {
            Duration d = of(Long.parseLong(m.group(1)), m.group(2));
            d.toMillis();
            return d;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large for a duration");
        }
    }

    private static Duration of(long n, String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofDays(n);
        }
    }

    /** The shortest Sigma-style text for a duration, the inverse of {@link #parse}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }
}
