package org.t1573.ingest.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.StringJoiner;
import org.t1573.ingest.MalformedRecordException;

/**
 * JSON network records as {@link NetworkFieldReader}s: numbers keep their exact decimal text (an epoch
 * {@code ts} of 1588205199.82437 must not become 1.58820519982437E9), lists read as their
 * elements joined by commas, an object or list where a single value belongs is malformed, and a
 * dotted name is found nested or flattened with dots or underscores (Zeek's {@code id.orig_h},
 * OTRF's {@code id_orig_h}).
 */
final class NetworkJsonReader {

    private NetworkJsonReader() {}

    static NetworkFieldReader of(String source, JsonNode root) {
        return new NetworkFieldReader(source, name -> value(source, name, find(source, root, name)),
                name -> list(source, name, find(source, root, name)));
    }

    /** The node for a dotted name, or null; a record whose path to it is not objects is malformed. */
    static JsonNode find(String source, JsonNode root, String name) throws MalformedRecordException {
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
        String parent = name.substring(0, dot);
        JsonNode child = root.get(parent);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isObject()) {
            throw wrongType(source, parent, child, "an object");
        }
        return find(source, child, name.substring(dot + 1));
    }

    /** Whether the record has the dotted name, of any type (a wrong one fails when the field is read). */
    static boolean has(JsonNode root, String name) {
        try {
            return find("", root, name) != null;
        } catch (MalformedRecordException e) {
            return true;
        }
    }

    /** A single value: an object or list where one belongs would otherwise read as nothing or as its text. */
    private static String value(String source, String name, JsonNode node) throws MalformedRecordException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw wrongType(source, name, node, "a single value");
        }
        return node.isNumber() && !node.isIntegralNumber() ? node.decimalValue().toPlainString() : node.asText();
    }

    /** A list, as its elements joined by commas; a single value is a list of one. */
    private static String list(String source, String name, JsonNode node) throws MalformedRecordException {
        if (node == null || !node.isArray()) {
            return value(source, name, node);
        }
        StringJoiner j = new StringJoiner(",");
        for (JsonNode element : node) {
            j.add(value(source, name, element));
        }
        return j.toString();
    }

    private static MalformedRecordException wrongType(String source, String name, JsonNode node, String expected) {
        return new MalformedRecordException(source + ": field " + name + " is "
                + node.getNodeType().name().toLowerCase(Locale.ROOT) + ", expected " + expected);
    }
}
