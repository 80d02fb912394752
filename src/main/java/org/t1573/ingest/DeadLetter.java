package org.t1573.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * A record that could not be parsed: where it came from, its raw text and why. Every text is
 * bounded, so that no dead letter exceeds what a sink takes (the local run's collect sink takes
 * 2 MiB per record, a Kafka producer 1 MB by default): the raw text keeps its first
 * {@value #MAX_RAW_CHARS} characters and then says how long the record was; origin and reason
 * keep {@value #MAX_NOTE_CHARS}.
 */
public class DeadLetter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Characters of the raw record a dead letter keeps: enough to find and read the record. */
    public static final int MAX_RAW_CHARS = 64 * 1024;
    /** Characters of origin and reason kept (an exception's message may quote a whole record). */
    public static final int MAX_NOTE_CHARS = 4 * 1024;

    public String channel;
    public String origin;
    public String reason;
    public String raw;
    /** The record's length in characters when {@link #raw} holds only its start, else null (and not written). */
    @JsonProperty("raw_length")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Long rawLength;

    public DeadLetter() {}

    public DeadLetter(String channel, String origin, String reason, String raw) {
        this(channel, origin, reason, raw, raw == null ? 0 : raw.length());
    }

    /** A dead letter of a record of {@code rawLength} characters, of which {@code raw} may hold only the start. */
    public DeadLetter(String channel, String origin, String reason, String raw, long rawLength) {
        this.channel = channel;
        this.origin = cut(origin, MAX_NOTE_CHARS);
        this.reason = cut(reason, MAX_NOTE_CHARS);
        this.raw = cut(raw, MAX_RAW_CHARS);
        this.rawLength = this.raw != null && rawLength > this.raw.length() ? rawLength : null;
    }

    /** The first {@code max} characters of {@code s}, not splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    @Override
    public String toString() {
        return channel + " " + origin + ": " + reason;
    }
}
