package org.t1573.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the time formats telemetry sources write into epoch milliseconds: ISO-8601 with any
 * number of fraction digits and a {@code Z} or numeric offset, the same with a space instead of
 * {@code T} and no offset (Sysmon {@code UtcTime}, read as UTC), and epoch seconds with an
 * optional fraction. Digits beyond the millisecond are truncated.
 */
public final class Timestamps {

    private static final String EXPECTED =
            "ISO-8601, 'yyyy-MM-dd HH:mm:ss.SSS' UTC or epoch seconds";
    private static final String RANGE = "epoch milliseconds reach the years "
            + Instant.ofEpochMilli(Long.MIN_VALUE).atZone(ZoneOffset.UTC).getYear() + " to "
            + Instant.ofEpochMilli(Long.MAX_VALUE).atZone(ZoneOffset.UTC).getYear();
    /** Long.MAX_VALUE milliseconds are 9.2e15 seconds: sixteen digits. */
    private static final int MAX_EPOCH_SECOND_DIGITS = 16;

    /** A date, 'T' or space, a time with 0-9 fraction digits, then an optional offset (UTC if none). */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            // "+01:00" and "Z" first, then "+0100": each optional section rolls back on failure.
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Timestamps() {}

    /**
     * The epoch milliseconds of a time written in one of the supported formats.
     *
     * @throws MalformedRecordException whose message is {@code 'text' is not a time (...)}, so a
     *     caller can prefix the source and field name
     */
    public static long toEpochMillis(String text) throws MalformedRecordException {
        if (text == null || text.isEmpty()) {
            throw notATime(text);
        }
        if (looksLikeEpochSeconds(text)) {
            return fromEpochSeconds(text);
        }
        long fast = fastUtc(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            TemporalAccessor parsed = DATE_TIME.parse(text);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(parsed)
                    : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset).toEpochMilli();
        } catch (DateTimeException e) {
            throw notATime(text);
        } catch (ArithmeticException e) {
            throw outOfRange(text); // a year such as +999999999: a date, but no epoch millisecond
        }
    }

    /**
     * The common shapes, {@code yyyy-MM-dd HH:mm:ss.fff} and {@code yyyy-MM-ddTHH:mm:ss.fffZ}, read
     * without the general formatter (it is a sixth of the cost of parsing a Sysmon record);
     * {@code Long.MIN_VALUE} for anything else, which the formatter then reads or rejects.
     */
    private static long fastUtc(String t) {
        int n = t.length();
        if (t.endsWith("Z")) {
            n--;
        }
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int millis = 0;
        if (n > 19) {
            if (t.charAt(19) != '.' || n == 20) {
                return Long.MIN_VALUE;
            }
            for (int i = 20; i < n; i++) {
                int d = t.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                if (i < 23) {
                    millis = millis * 10 + d;
                }
            }
            for (int i = Math.min(n, 23); i < 23; i++) {
                millis *= 10;
            }
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        try {
            long days = java.time.LocalDate.of(year, month, day).toEpochDay();
            return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The decimal value of {@code len} digits at {@code from}, or -1. */
    private static int digits(String t, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Epoch seconds with an optional fraction, read from their digits: digits beyond the
     * millisecond are dropped unread, and more seconds than epoch milliseconds hold are refused by
     * their count of digits, so a record of a million digits costs no more than its length.
     */
    private static long fromEpochSeconds(String text) throws MalformedRecordException {
        int dot = text.indexOf('.');
        int secondsEnd = dot < 0 ? text.length() : dot;
        if (secondsEnd > MAX_EPOCH_SECOND_DIGITS) {
            throw outOfRange(text);
        }
        long millis = 0;
        for (int i = secondsEnd + 1; i < secondsEnd + 4; i++) {
            millis = millis * 10 + (i < text.length() ? text.charAt(i) - '0' : 0);
        }
        try {
            return Math.addExact(Math.multiplyExact(Long.parseLong(text, 0, secondsEnd, 10), 1000L), millis);
        } catch (ArithmeticException e) {
            throw outOfRange(text);
        }
    }

    /** Digits with at most one dot: "1692161674" or "1692161674.123". Dates contain '-' or ':'. */
    private static boolean looksLikeEpochSeconds(String text) {
        boolean dot = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && !dot && i > 0) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static MalformedRecordException outOfRange(String text) {
        return new MalformedRecordException("'" + text + "' is a time out of range (" + RANGE + ")");
    }

    private static MalformedRecordException notATime(String text) {
        return new MalformedRecordException("'" + text + "' is not a time (expected " + EXPECTED + ")");
    }
}
