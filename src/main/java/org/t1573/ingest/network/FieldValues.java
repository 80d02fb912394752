package org.t1573.ingest.network;

import java.util.function.UnaryOperator;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/**
 * Typed reads of the named values of one network record, whatever its syntax (a Zeek TSV row,
 * a JSON object, a CSV row). The lookup returns a value as text, or null; the absent markers of
 * the sensors ({@code ""}, {@code "-"}, Zeek's {@code (empty)}) read as absent. Errors name the
 * source and the field, e.g. {@code zeek conn: field id.resp_p '70000' is not a port (0-65535)}.
 */
final class FieldValues {

    private final String source;
    private final UnaryOperator<String> lookup;

    FieldValues(String source, UnaryOperator<String> lookup) {
        this.source = source;
        this.lookup = lookup;
    }

    String source() {
        return source;
    }

    /** The value as text, or null when absent. */
    String text(String name) {
        String v = lookup.apply(name);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() || "-".equals(t) || "(empty)".equals(t) ? null : t;
    }

    /** The first of the fields that is present, or null. */
    String firstText(String... names) {
        for (String name : names) {
            String t = text(name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Like {@link #text} but the record is malformed without it. */
    String required(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            throw new MalformedRecordException(source + ": field " + name + " is missing");
        }
        return t;
    }

    /** The first element of a list value (Zeek sets and vectors, comma-separated). */
    String firstElement(String name) {
        String t = text(name);
        if (t == null) {
            return null;
        }
        int comma = t.indexOf(',');
        String first = comma < 0 ? t : t.substring(0, comma).strip();
        return first.isEmpty() ? null : first;
    }

    Long longValue(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw invalid(name, t, "not a whole number");
        }
    }

    Double doubleValue(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw invalid(name, t, "not a number");
        }
    }

    /** A TCP/UDP port, 0-65535. */
    Integer port(String name) throws MalformedRecordException {
        Long v = longValue(name);
        if (v == null) {
            return null;
        }
        if (v < 0 || v > 65535) {
            throw invalid(name, v.toString(), "not a port (0-65535)");
        }
        return v.intValue();
    }

    /** Zeek's {@code T}/{@code F} or JSON's true/false. */
    Boolean bool(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            return null;
        }
        if ("T".equals(t) || "true".equalsIgnoreCase(t)) {
            return Boolean.TRUE;
        }
        if ("F".equals(t) || "false".equalsIgnoreCase(t)) {
            return Boolean.FALSE;
        }
        throw invalid(name, t, "not a boolean (T/F, true/false)");
    }

    /** A time {@link Timestamps} reads (epoch seconds with fraction, ISO-8601), as epoch ms. */
    Long time(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            return null;
        }
        try {
            return Timestamps.toEpochMillis(t);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(source + ": field " + name + " " + e.getMessage(), e);
        }
    }

    /** Like {@link #time} but the record is malformed without it. */
    long requiredTime(String name) throws MalformedRecordException {
        Long t = time(name);
        if (t == null) {
            throw new MalformedRecordException(source + ": field " + name + " is missing");
        }
        return t;
    }

    MalformedRecordException invalid(String name, String value, String what) {
        return new MalformedRecordException(source + ": field " + name + " '" + value + "' is " + what);
    }
}
