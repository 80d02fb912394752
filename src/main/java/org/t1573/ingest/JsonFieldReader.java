package org.t1573.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@link FieldReader}s of one JSON record read into a Jackson tree ({@link JsonRecords}). A field
 * must be a single value: an object or array where a value belongs makes the record malformed
 * rather than read as its text, and JSON null reads as absent.
 */
public final class JsonFieldReader {

    /** How a field is found in the tree by the name callers use: null when there is none. */
    @FunctionalInterface
    public interface NodeLookup {
        JsonNode find(String name);
    }

    private JsonFieldReader() {}

    /** The top-level fields of a record that must be a JSON object. */
    public static FieldReader parse(String record, String source) throws MalformedRecordException {
        return flat(source, JsonRecords.readObject(record, source));
    }

    /** The top-level keys of a flat object. */
    public static FieldReader flat(String source, JsonNode object) {
        return of(source, object::get, UnaryOperator.identity());
    }

    /**
     * Fields found by {@code lookup} (nested, dotted or moved by a shipper), whose errors name
     * each field as {@code fullName} says the record spells it.
     */
    public static FieldReader of(String source, NodeLookup lookup, UnaryOperator<String> fullName) {
        return new FieldReader(source, name -> text(source, name, lookup.find(name), fullName), fullName);
    }

    private static String text(String source, String name, JsonNode node, UnaryOperator<String> fullName)
            throws MalformedRecordException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new MalformedRecordException(source + ": field " + fullName.apply(name) + " is "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT) + ", expected a single value");
        }
        return node.asText();
    }
}
