package org.t1573.ingest.linux;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/**
 * Reads the JSON records of Linux sources (Log Analytics rows, osquery results) and their
 * fields, where {@code ""} means absent. Numbers may be JSON numbers or strings: osquery writes
 * every column as a string, Log Analytics writes numbers. Errors start with the source's name.
 */
final class LinuxJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;
    private final JsonNode object;

    private LinuxJson(String source, JsonNode object) {
        this.source = source;
        this.object = object;
    }

    /** The record as a JSON object. */
    static LinuxJson read(String record, String source) throws MalformedRecordException {
        if (record == null || record.isBlank()) {
            throw new MalformedRecordException(source + ": empty record");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(record);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRecordException(source + ": record is JSON but not an object");
        }
        return new LinuxJson(source, root);
    }

    /** A nested object of the same source, e.g. an osquery row. */
    static LinuxJson of(String source, JsonNode object) {
        return new LinuxJson(source, object);
    }

    JsonNode node() {
        return object;
    }

    /** The field as text, or null if absent, JSON null or "". */
    String text(String name) throws MalformedRecordException {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new MalformedRecordException(source + ": field " + name + " is "
                    + node.getNodeType().name().toLowerCase() + ", expected a single value");
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    /** The field, which must be present. */
    String required(String name) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            throw new MalformedRecordException(source + ": field " + name + " is missing");
        }
        return text;
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
        if (value != null && (value < 0 || value > 65535)) {
            throw invalid(name, value.toString(), "not a port (0-65535)");
        }
        return value == null ? null : value.intValue();
    }

    /** A time {@link Timestamps} reads (ISO-8601 or epoch seconds), as epoch milliseconds. */
    Long time(String name) throws MalformedRecordException {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.toEpochMillis(text);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(source + ": field " + name + " " + e.getMessage(), e);
        }
    }

    MalformedRecordException invalid(String name, String value, String what) {
        return new MalformedRecordException(source + ": field " + name + " '" + value + "' is " + what);
    }
}
