package org.t1573.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads raw JSON records into object trees and their fields, for the parsers of every platform.
 * The one {@link ObjectMapper} is static, so it is created when first needed and never serialized
 * with a parser (it is thread-safe for reads).
 */
public final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {}

    /**
     * The record as a JSON object.
     *
     * @param source the parser's name, which starts every error message
     */
    public static JsonNode readObject(String record, String source) throws MalformedRecordException {
        if (record == null || record.isBlank()) {
            throw new MalformedRecordException(source + ": empty record");
        }
        JsonNode root;
        try (JsonParser json = MAPPER.createParser(record)) {
            root = MAPPER.readTree(json);
            // readTree stops after the first value: "{...}{...}" would pass as its first object.
            if (json.nextToken() != null) {
                throw new MalformedRecordException(source + ": more than one JSON value in the record (the second "
                        + "starts at column " + json.currentTokenLocation().getColumnNr() + ")");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException(source + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRecordException(
                    source + ": record is JSON but not an object (got " + kind(root) + ")");
        }
        return root;
    }

    /** The top-level fields of a record that must be a JSON object. */
    public static RecordFields readFields(String record, String source) throws MalformedRecordException {
        return fields(source, readObject(record, source));
    }

    /**
     * The top-level fields of a flat object. A field must be a single value: an object or array
     * where a value belongs makes the record malformed rather than read as its text.
     */
    public static RecordFields fields(String source, JsonNode object) {
        return new RecordFields(source, name -> {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                throw new MalformedRecordException(
                        source + ": field " + name + " is " + kind(node) + ", expected a single value");
            }
            return node.asText();
        });
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}
