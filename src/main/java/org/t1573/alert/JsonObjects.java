package org.t1573.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the nested maps the ECS and OCSF formats are written from: absent values (null, empty
 * collections, empty objects) are left out, so a mapper can name every field it knows and the
 * output holds only what the alert carries.
 */
final class JsonObjects {
    private JsonObjects() {}

    /** An object of key, value pairs without its absent values; null when none is present. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v != null && !(v instanceof Collection<?> c && c.isEmpty()) && !(v instanceof Map<?, ?> m && m.isEmpty())) {
                out.put((String) keysAndValues[i], v);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Epoch milliseconds of an alert's ISO-8601 time (OCSF timestamp_t); null stays null. */
    static Long millis(String isoTime) {
        return isoTime == null ? null : Instant.parse(isoTime).toEpochMilli();
    }
}
