package org.t1573.ingest.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.t1573.ingest.MalformedRecordException;

/**
 * Reads a raw record into a JSON object tree. The one {@link ObjectMapper} is static, so it is
 * created when first needed and never serialized with a parser (it is thread-safe for reads).
 */
final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {}

    /**
     * The record as a JSON object.
     *
     * @param source the parser's name, which starts every error message
     */
    static JsonNode readObject(String record, String source) throws MalformedRecordException {
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
            throw new MalformedRecordException(
                    source + ": record is JSON but not an object (got " + kind(root) + ")");
        }
        return root;
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}
