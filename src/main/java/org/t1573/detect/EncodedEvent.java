package org.t1573.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.t1573.event.Event;
import org.t1573.event.EventSerializer;

/**
 * A selected event and its bytes as {@link EventSerializer} writes them. Every pattern's copy of
 * one selected event shares one instance, so the event is encoded once however many patterns
 * keep it; read from the wire, only the bytes are there, and the event is decoded when asked for.
 * Not thread-safe: the copies of an event are serialized by the task that selected it.
 */
final class EncodedEvent {
    private static final ThreadLocal<DataOutputSerializer> SCRATCH =
            ThreadLocal.withInitial(() -> new DataOutputSerializer(1024));

    private final Event event;
    private byte[] bytes;

    private EncodedEvent(Event event, byte[] bytes) {
        this.event = event;
        this.bytes = bytes;
    }

    /** An event as selected, encoded when first needed. */
    static EncodedEvent of(Event event) {
        return new EncodedEvent(event, null);
    }

    /** An event as read from the wire. */
    static EncodedEvent ofBytes(byte[] bytes) {
        return new EncodedEvent(null, bytes);
    }

    /** The event: the instance selected, or a new one decoded from the bytes on every call. */
    Event event() {
        if (event != null) {
            return event;
        }
        try {
            return EventSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("a selected event's bytes do not decode", e);
        }
    }

    /** The encoded event (do not modify). */
    byte[] bytes() {
        if (bytes == null) {
            DataOutputSerializer out = SCRATCH.get();
            out.clear();
            try {
                EventSerializer.INSTANCE.serialize(event, out);
            } catch (IOException e) {
                throw new UncheckedIOException("a selected event does not encode", e);
            }
            bytes = out.getCopyOfBuffer();
        }
        return bytes;
    }
}
