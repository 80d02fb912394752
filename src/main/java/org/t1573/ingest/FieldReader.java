package org.t1573.ingest;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Typed reads of the named fields of one record, whatever its syntax (a JSON object, a TSV or CSV
 * row), where an empty value and {@code "-"} (the sensors' "no value") mean absent. Numbers may
 * be written as numbers or strings, since shippers differ. Errors name the source and the field
 * as the record spells it, e.g. {@code zeek conn: field id.resp_p '70000' is not a port (0-65535)}.
 * {@link JsonFieldReader} makes readers of Jackson trees; a reader of any other syntax is this
 * class over a lookup of the field's raw text.
 */
public class FieldReader {

    /** How a field's raw text is found in the record: null when the record has no such field. */
    @FunctionalInterface
    public interface Lookup {
        String find(String name) throws MalformedRecordException;
    }

    private final String source;
    private final Lookup lookup;
    private final UnaryOperator<String> fullName;

    /** Fields that errors name as callers do. */
    public FieldReader(String source, Lookup lookup) {
        this(source, lookup, UnaryOperator.identity());
    }

    /**
     * Fields that the record spells otherwise than callers name them (under a prefix, or moved by
     * a shipper): errors name each field as {@code fullName} says the record spells it.
     */
    public FieldReader(String source, Lookup lookup, UnaryOperator<String> fullName) {
        this.source = source;
        this.lookup = lookup;
        this.fullName = fullName;
    }

    public String source() {
        return source;
    }

    /** The field as text, or null when absent, "" or "-". */
    public String text(String name) throws MalformedRecordException {
        return verbatim(name);
    }

    /** The field exactly as the record has it, padding included, or null when absent, "" or "-". */
    public String verbatim(String name) throws MalformedRecordException {
        String text = lookup.find(name);
        return text == null || text.isEmpty() || "-".equals(text) ? null : text;
    }

    /** An IP address ({@link IpText}), read verbatim: padding around it is malformed, not trimmed away. */
    public String ip(String name) throws MalformedRecordException {
        String text = verbatim(name);
        if (text != null && !IpText.isIp(text)) {
            throw invalid(name, text, "not an IP address");
        }
        return text;
    }

    /** Like {@link #ip} but the record is malformed without it. */
    public String requiredIp(String name) throws MalformedRecordException {
        return present(ip(name), name);
    }

    /** The first of the fields that is present, or null. */
    public String firstText(String... names) throws MalformedRecordException {
        return first(FieldReader::text, names);
    }

    /** Like {@link #text} but the record is malformed without it. */
    public String required(String name) throws MalformedRecordException {
        return present(text(name), name);
    }

    public Long longValue(String name) throws MalformedRecordException {
        return number(name, text -> Long.parseLong(text.trim()), "not a whole number");
    }

    public Double doubleValue(String name) throws MalformedRecordException {
        return number(name, Double::parseDouble, "not a number");
    }

    /** A TCP/UDP port, 0-65535. */
    public Integer port(String name) throws MalformedRecordException {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < 0 || value > 65535) {
            throw invalid(name, value.toString(), "not a port (0-65535)");
        }
        return value.intValue();
    }

    /** "true" or "false" in any case. */
    public Boolean bool(String name) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw invalid(name, text, "not true or false");
    }

    /** A time in any format {@link Timestamps} reads, as epoch milliseconds, or null if absent. */
    public Long time(String name) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.toEpochMillis(text);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(source + ": field " + fullName.apply(name) + " " + e.getMessage(), e);
        }
    }

    /** Like {@link #time} but the record is malformed without it. */
    public long requiredTime(String name) throws MalformedRecordException {
        return present(time(name), name);
    }

    /** The first of the times that is present, or null. */
    public Long firstTime(String... names) throws MalformedRecordException {
        return first(FieldReader::time, names);
    }

    /** An error for a field whose value is not what it should be. */
    public MalformedRecordException invalid(String name, String value, String what) {
        return new MalformedRecordException(
                source + ": field " + fullName.apply(name) + " '" + value + "' is " + what);
    }

    /** An error for a record that has none of these fields (the record must have one). */
    public MalformedRecordException missing(String... names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.length() == 0 ? "" : " or ").append(fullName.apply(name));
        }
        return new MalformedRecordException(source + ": field " + list + " is missing");
    }

    /** One typed read; the method references passed are unbound, so no call allocates one. */
    @FunctionalInterface
    private interface Read<T> {
        T from(FieldReader reader, String name) throws MalformedRecordException;
    }

    private <T> T first(Read<T> read, String... names) throws MalformedRecordException {
        for (String name : names) {
            T value = read.from(this, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private <T> T present(T value, String name) throws MalformedRecordException {
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    private <T> T number(String name, Function<String, T> parse, String what) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw invalid(name, text, what);
        }
    }
}
