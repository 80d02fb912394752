package org.t1573.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
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
            try {
                return fromEpochSeconds(new BigDecimal(text));
            } catch (NumberFormatException | ArithmeticException e) {
                throw notATime(text);
            }
        }
        try {
            TemporalAccessor parsed = DATE_TIME.parse(text);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(parsed)
                    : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset).toEpochMilli();
        } catch (DateTimeException e) {
            throw notATime(text);
        }
    }

    /** Epoch seconds (with fraction) as epoch milliseconds, for sources that write a JSON number. */
    public static long fromEpochSeconds(BigDecimal seconds) {
        return seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
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

    private static MalformedRecordException notATime(String text) {
        return new MalformedRecordException("'" + text + "' is not a time (expected " + EXPECTED + ")");
    }
}
