package org.t1573.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;

/** Writes and reads alerts as single-line JSON. */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

    private AlertJson() {}

    public static String write(Alert alert) {
        try {
            return MAPPER.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert cannot be written as JSON", e);
        }
    }

    public static Alert read(String json) {
        try {
            return MAPPER.readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert: " + e.getOriginalMessage(), e);
        }
    }

    /** ISO-8601 UTC with milliseconds, the time format of every alert field. */
    public static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
