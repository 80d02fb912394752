package org.t1573.ingest;

import java.util.Arrays;
import org.t1573.event.Event;
import org.t1573.event.EventField;
import org.t1573.event.FieldType;

/**
 * The values of a parsed event that no sensor can report: an address that is not exactly one IP
 * address, a negative byte or packet count or duration, a non-finite duration, a payload entropy
 * outside 0 to 8 bits a byte. Checked once for every channel, after its parser, so that such a
 * record is a dead letter naming the field instead of an alert with {@code BytesOut: -100} or an
 * event no network condition can ever match.
 */
public final class EventValues {
    /** Shannon entropy of bytes is at most 8 bits a byte. */
    public static final double MAX_ENTROPY = 8.0;

    private static final EventField[] ADDRESSES = Arrays.stream(EventField.values())
            .filter(f -> f.type() == FieldType.IP).toArray(EventField[]::new);

    private EventValues() {}

    /** Why the event cannot be true, or null if its values are plausible. */
    public static String problem(Event e) {
        for (EventField field : ADDRESSES) {
            Object value = field.get(e);
            if (value != null && !IpText.isIp((String) value)) {
                return reason(e, field, "'" + value + "' is not an IP address");
            }
        }
        String count = firstNegative(e, EventField.BYTES_OUT, EventField.BYTES_IN, EventField.PACKETS_OUT,
                EventField.PACKETS_IN, EventField.PAYLOAD_BYTES);
        if (count != null) {
            return count;
        }
        if (e.durationSeconds != null && !(e.durationSeconds >= 0 && Double.isFinite(e.durationSeconds))) {
            return reason(e, EventField.DURATION, e.durationSeconds + " is not a duration (0 or more seconds)");
        }
        if (e.payloadEntropy != null && !(e.payloadEntropy >= 0 && e.payloadEntropy <= MAX_ENTROPY)) {
            return reason(e, EventField.PAYLOAD_ENTROPY, e.payloadEntropy + " is not an entropy (0 to 8 bits a byte)");
        }
        return null;
    }

    private static String firstNegative(Event e, EventField... counts) {
        for (EventField field : counts) {
            Object value = field.get(e);
            if (value != null && (Long) value < 0) {
                return reason(e, field, value + " is negative, not a count");
            }
        }
        return null;
    }

    private static String reason(Event e, EventField field, String what) {
        return (e.dataset == null ? "" : e.dataset + ": ") + "field " + field.ecsName() + " " + what;
    }
}
