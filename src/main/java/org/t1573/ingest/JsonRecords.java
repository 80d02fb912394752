package org.t1573.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads raw JSON records into object trees, for the parsers of every platform
 * ({@link JsonFieldReader} reads their fields).
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

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}
