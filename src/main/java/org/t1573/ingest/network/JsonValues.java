package org.t1573.ingest.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.StringJoiner;

/**
 * JSON network records as {@link FieldValues}: numbers keep their exact decimal text (an epoch
 * {@code ts} of 1588205199.82437 must not become 1.58820519982437E9), arrays read as their
 * elements joined by commas, and a dotted name is found nested or flattened with dots or
 * underscores (Zeek's {@code id.orig_h}, OTRF's {@code id_orig_h}).
 */
final class JsonValues {

    private JsonValues() {}

    static FieldValues of(String source, JsonNode root) {
        return new FieldValues(source, name -> text(find(root, name)));
    }

    /** The node for a dotted name, or null. */
    static JsonNode find(JsonNode root, String name) {
        JsonNode direct = root.get(name);
        if (direct != null) {
            return direct;
        }
        JsonNode flattened = root.get(name.replace('.', '_'));
        if (flattened != null) {
            return flattened;
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return null;
        }
        JsonNode child = root.get(name.substring(0, dot));
        return child == null || !child.isObject() ? null : find(child, name.substring(dot + 1));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isObject()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.asText() : node.decimalValue().toPlainString();
        }
        if (node.isArray()) {
            StringJoiner j = new StringJoiner(",");
            node.forEach(element -> j.add(element.asText()));
            return j.toString();
        }
        return node.asText();
    }
}
