package org.t1573.kafka;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/**
 * Where reading a topic starts or stops: {@code earliest}, {@code latest}, {@code committed}
 * (the consumer group's offsets, else earliest) or a time ({@code 2026-03-02T08:00:00Z} or epoch
 * milliseconds: the first record whose Kafka timestamp is at or after it).
 */
public final class OffsetSpec {

    private OffsetSpec() {}

    public static OffsetsInitializer starting(String spec) {
        return switch (spec) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            case "committed" -> OffsetsInitializer.committedOffsets(
                    org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
            default -> OffsetsInitializer.timestamp(epochMillis(spec));
        };
    }

    /** Where a bounded run stops: {@code latest} (the end when the job starts) or a time. */
    public static OffsetsInitializer stopping(String spec) {
        return "latest".equals(spec) ? OffsetsInitializer.latest() : OffsetsInitializer.timestamp(epochMillis(spec));
    }

    static long epochMillis(String spec) {
        try {
            return spec.chars().allMatch(Character::isDigit) && !spec.isEmpty()
                    ? Long.parseLong(spec) : Instant.parse(spec).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("offset '" + spec
                    + "' is not earliest, latest, committed, an ISO-8601 instant or epoch milliseconds");
        }
    }
}
