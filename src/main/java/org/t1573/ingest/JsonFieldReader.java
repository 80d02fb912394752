package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/**
 * Typed reads of the fields of one JSON record, where an empty string and {@code "-"} (Windows'
 * "no value") mean absent. Numbers may be JSON numbers or strings, since shippers differ. Errors
 * name the source and the field as the record spells it, e.g.
 * {@code sysmon: field UtcTime '2023-13-99' is not a time}.
 */
final class JsonFields {

    /** How a field name is found in the record. */
    @FunctionalInterface
    interface Lookup {
        JsonNode find(String name);
    }

    private final String source;
    private final UnaryOperator<String> fullName;
    private final Lookup lookup;

    private JsonFields(String source, UnaryOperator<String> fullName, Lookup lookup) {
        this.source = source;
        this.fullName = fullName;
        this.lookup = lookup;
    }

    /** Top-level keys of a flat object. */
    static JsonFields flat(String source, JsonNode object) {
        return new JsonFields(source, UnaryOperator.identity(), object::get);
    }

    /** Names under {@code prefix}, nested or dotted; prefix "" reads dotted names from the root. */
    static JsonFields dotted(String source, JsonNode root, String prefix) {
        UnaryOperator<String> fullName = name -> prefix + name;
        return new JsonFields(source, fullName, name -> DottedPath.find(root, fullName.apply(name)));
    }

    /**
     * Names that a shipper moved elsewhere: {@code lookup} finds each by the name callers use,
     * and errors name the field as {@code fullName} says the record spells it.
     */
    static JsonFields renamed(String source, Lookup lookup, UnaryOperator<String> fullName) {
        return new JsonFields(source, fullName, lookup);
    }

    String source() {
        return source;
    }

    /** The field as text, or null if absent, JSON null, "" or "-". */
    String text(String name) throws MalformedRecordException {
        JsonNode node = node(name);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new MalformedRecordException(
                    source + ": field " + fullName(name) + " is " + node.getNodeType().name().toLowerCase()
                            + ", expected a single value");
        }
        String text = node.asText();
        return text.isEmpty() || "-".equals(text) ? null : text;
    }

    /** The first of the fields that is present, or null. */
    String firstText(String... names) throws MalformedRecordException {
        for (String name : names) {
            String text = text(name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    Long longValue(String name) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, text, "not a whole number");
        }
    }

    /** A TCP/UDP port, 0-65535. */
    Integer port(String name) throws MalformedRecordException {
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
    Boolean bool(String name) throws MalformedRecordException {
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
    Long time(String name) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.toEpochMillis(text);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(source + ": field " + fullName(name) + " " + e.getMessage(), e);
        }
    }

    /** The first of the times that is present, or null. */
    Long firstTime(String... names) throws MalformedRecordException {
        for (String name : names) {
            Long time = time(name);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    /** An error for a record that has none of these fields. */
    MalformedRecordException missing(String... names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.length() == 0 ? "" : " or ").append(fullName(name));
        }
        return new MalformedRecordException(source + ": field " + list + " is missing");
    }

    /** An error for a field whose value is not what it should be. */
    MalformedRecordException invalid(String name, String value, String what) {
        return new MalformedRecordException(source + ": field " + fullName(name) + " '" + value + "' is " + what);
    }

    private JsonNode node(String name) {
        return lookup.find(name);
    }

    private String fullName(String name) {
        return fullName.apply(name);
    }
}
