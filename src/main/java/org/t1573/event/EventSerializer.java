package org.t1573.event;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of {@link Event}, driven by the {@link EventField} table: a field count, a
 * presence bitmap, then only the fields the source carried. A Sysmon record sets a dozen of the
 * sixty-odd fields, and every selected event crosses the network and the BATCH sort, where the
 * generic POJO serializer (a null flag and a reflective access per field) was a fifth of the job.
 *
 * <p>Wire order is the table's order of stored (non-derived) fields; new fields are appended at
 * its end, so a record written with fewer fields (an older savepoint) still reads.
 */
public final class EventSerializer extends RecordSerializer<Event> {
    private static final long serialVersionUID = 1L;

    /** The one instance: the serializer holds no state. */
    public static final EventSerializer INSTANCE = new EventSerializer();

    private static final EventField[] STORED =
            Arrays.stream(EventField.values()).filter(f -> !f.derived()).toArray(EventField[]::new);

    private EventSerializer() {}

    @Override
    public Event createInstance() {
        return new Event();
    }

    @Override
    public Event copy(Event from) {
        Event to = new Event();
        for (EventField f : STORED) {
            f.set(to, f.get(from));
        }
        return to;
    }

    @Override
    public void serialize(Event e, DataOutputView out) throws IOException {
        out.writeByte(STORED.length);
        for (int base = 0; base < STORED.length; base += 8) {
            int bits = 0;
            for (int i = base; i < Math.min(base + 8, STORED.length); i++) {
                if (STORED[i].get(e) != null) {
                    bits |= 1 << (i - base);
                }
            }
            out.writeByte(bits);
        }
        for (EventField f : STORED) {
            Object v = f.get(e);
            if (v != null) {
                write(f.type(), v, out);
            }
        }
    }

    @Override
    public Event deserialize(DataInputView in) throws IOException {
        int count = in.readUnsignedByte();
        if (count > STORED.length) {
            throw new IOException("event written with " + count + " fields, this version knows " + STORED.length
                    + ": state from a newer release");
        }
        byte[] bitmap = new byte[(count + 7) / 8];
        in.readFully(bitmap);
        Event e = new Event();
        for (int i = 0; i < count; i++) {
            if ((bitmap[i >> 3] & (1 << (i & 7))) != 0) {
                STORED[i].set(e, read(STORED[i].type(), in));
            }
        }
        return e;
    }

    @Override
    public TypeSerializerSnapshot<Event> snapshotConfiguration() {
        return new EventSerializerSnapshot();
    }

    private static void write(FieldType type, Object v, DataOutputView out) throws IOException {
        switch (type) {
            case STRING, IP -> WireStrings.write((String) v, out);
            case LONG, TIME -> out.writeLong((Long) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case BOOLEAN -> out.writeBoolean((Boolean) v);
            default -> throw new IllegalStateException("no wire format for " + type);
        }
    }

    private static Object read(FieldType type, DataInputView in) throws IOException {
        return switch (type) {
            case STRING, IP -> WireStrings.read(in);
            case LONG, TIME -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
        };
    }

    /** Named by {@code @TypeInfo} on {@link Event}, so every stream and state of events uses this serializer. */
    public static final class Factory extends RecordTypeInfoFactory<Event> {
        public Factory() {
            super(Event.class, INSTANCE);
        }
    }

    /** The snapshot in checkpoints and savepoints: the serializer has no configuration. */
    public static final class EventSerializerSnapshot extends SimpleTypeSerializerSnapshot<Event> {
        public EventSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
