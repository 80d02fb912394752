package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds a dotted field name such as {@code winlog.event_data.Image} in a JSON object whether the
 * shipper wrote it nested ({@code {"winlog":{"event_data":{"Image":..}}}}), flat
 * ({@code {"winlog.event_data.Image":..}}) or a mix of both, as Logstash and Elastic Agent
 * pipelines variously do.
 */
final class DottedPath {

    private DottedPath() {}

    /** The value at the path, or null if there is none. */
    static JsonNode find(JsonNode object, String path) {
        JsonNode direct = object.get(path);
        if (direct != null) {
            return direct;
        }
        // Try each dot as an object boundary: "a.b.c" -> a{"b.c"}, then "a.b"{"c"}.
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            JsonNode child = object.get(path.substring(0, dot));
            if (child != null && child.isObject()) {
                JsonNode found = find(child, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** True if the object has the path, or any key starting with {@code prefix + "."}. */
    static boolean hasBranch(JsonNode object, String prefix) {
        JsonNode branch = object.get(prefix);
        if (branch != null && branch.isObject()) {
            return true;
        }
        String dotted = prefix + '.';
        for (var names = object.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith(dotted)) {
                return true;
            }
        }
        return false;
    }
}
