package org.t1573.ingest.linux;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;
import org.t1573.ingest.Timestamps;

/**
 * Syslog lines from daemons (channel {@code syslog}): RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP
 * PROCID MSGID SD MSG}), RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG}, the PRI
 * optional as in /var/log/syslog) and the same with an RFC 3339 time (rsyslog's high-precision
 * file format). Each line gives a {@code log_message} event whose message is the MSG part.
 *
 * <p>RFC 3164 times have no year and no zone: they are read as UTC in the current year, or the
 * previous one when that would put them more than a day in the future (a log read in January).
 */
public class SyslogParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "syslog";

    private static final Pattern RFC5424 = Pattern.compile(
            "^<(\\d{1,3})>\\d{1,2} (\\S+) (\\S+) (\\S+) (\\S+) \\S+ (-|(?:\\[(?:[^\\]\\\\]|\\\\.)*\\])+)(?: (.*))?$",
            Pattern.DOTALL);
    private static final Pattern BSD = Pattern.compile(
            "^(?:<(\\d{1,3})>)?([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}T\\S+) (\\S+) (.*)$",
            Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("^([^\\s:\\[]+)(?:\\[(\\d+)\\])?: ?(.*)$", Pattern.DOTALL);
    /** The year is prefixed before parsing, so Feb 29 and Feb 30 are judged in the right year. */
    private static final DateTimeFormatter BSD_TIME = DateTimeFormatter.ofPattern("uuuu MMM ppd HH:mm:ss", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final long DAY_MILLIS = 86_400_000L;

    private final Clock clock;

    public SyslogParser() {
        this(Clock.systemUTC());
    }

    /** With the clock that supplies the year of RFC 3164 times. */
    SyslogParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        String line = record.strip();
        Event e = LinuxEvents.newEvent(EventAction.LOG_MESSAGE, SOURCE);
        Matcher m = RFC5424.matcher(line);
        if (m.matches()) {
            e.timestamp = iso(m.group(2));
            e.hostName = nil(m.group(3));
            e.processName = nil(m.group(4));
            e.processPid = pid(nil(m.group(5)));
            e.message = m.group(7) == null ? null : m.group(7).replace("\uFEFF", "");
        } else {
            m = BSD.matcher(line);
            if (!m.matches()) {
                throw new MalformedRecordException(SOURCE + ": not an RFC 5424 or RFC 3164 syslog line");
            }
            e.timestamp = Character.isDigit(m.group(2).charAt(0)) ? iso(m.group(2)) : bsdTime(m.group(2));
            e.hostName = m.group(3);
            Matcher tag = TAG.matcher(m.group(4));
            if (tag.matches()) {
                e.processName = tag.group(1);
                e.processPid = pid(tag.group(2));
                e.message = tag.group(3);
            } else {
                e.message = m.group(4);
            }
        }
        e.provider = e.processName;
        e.id = LinuxEvents.idOf(line);
        out.accept(e);
    }

    private static String nil(String value) {
        return "-".equals(value) ? null : value;
    }

    private static Long pid(String text) {
        return text != null && text.chars().allMatch(Character::isDigit) ? Long.valueOf(text) : null;
    }

    private static long iso(String text) throws MalformedRecordException {
        try {
            return Timestamps.toEpochMillis(text);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(SOURCE + ": timestamp " + e.getMessage(), e);
        }
    }

    private long bsdTime(String text) throws MalformedRecordException {
        int year = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
        long millis = bsdTime(text, year);
        return millis > clock.millis() + DAY_MILLIS ? bsdTime(text, year - 1) : millis;
    }

    private static long bsdTime(String text, int year) throws MalformedRecordException {
        try {
            return LocalDateTime.parse(year + " " + text, BSD_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException(
                    SOURCE + ": timestamp '" + text + "' is not a date 'Mmm dd hh:mm:ss' in " + year, e);
        }
    }
}
