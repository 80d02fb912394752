package org.t1573.detect;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.t1573.event.Event;
import org.t1573.event.RecordSerializer;
import org.t1573.event.RecordTypeInfoFactory;

/**
 * Flink's serializer of {@link Selected}: every selected event crosses the shuffle and the BATCH
 * sort once per pattern that wants it, so the record is written by hand (the key, the step bits,
 * the ends and context flags, time and id hash, then the encoded event as one block of bytes that is copied, not
 * decoded, on the way through).
 */
public final class SelectedSerializer extends RecordSerializer<Selected> {
    private static final long serialVersionUID = 1L;

    /** The one instance: the serializer holds no state. */
    public static final SelectedSerializer INSTANCE = new SelectedSerializer();

    private static final int HAS_KEY = 1;
    private static final int ENDS = 2;
    private static final int CONTEXT = 4;

    private SelectedSerializer() {}

    @Override
    public Selected createInstance() {
        return new Selected(null, 0, false, new Event());
    }

    /** A copy that shares the (immutable) bytes and decodes its own event. */
    @Override
    public Selected copy(Selected from) {
        return new Selected(from.key, from.steps, from.ends, from.context, from.timestamp, from.idHash,
                EncodedEvent.ofBytes(from.encoded()));
    }

    @Override
    public void serialize(Selected s, DataOutputView out) throws IOException {
        out.writeByte((s.key != null ? HAS_KEY : 0) | (s.ends ? ENDS : 0) | (s.context ? CONTEXT : 0));
        if (s.key != null) {
            GroupKeySerializer.INSTANCE.serialize(s.key, out);
        }
        out.writeInt(s.steps);
        out.writeLong(s.timestamp);
        out.writeLong(s.idHash);
        byte[] event = s.encoded();
        out.writeInt(event.length);
        out.write(event);
    }

    @Override
    public Selected deserialize(DataInputView in) throws IOException {
        int flags = in.readByte();
        GroupKey key = (flags & HAS_KEY) != 0 ? GroupKeySerializer.INSTANCE.deserialize(in) : null;
        int steps = in.readInt();
        long timestamp = in.readLong();
        long idHash = in.readLong();
        byte[] event = new byte[in.readInt()];
        in.readFully(event);
        return new Selected(key, steps, (flags & ENDS) != 0, (flags & CONTEXT) != 0, timestamp, idHash,
                EncodedEvent.ofBytes(event));
    }

    @Override
    public TypeSerializerSnapshot<Selected> snapshotConfiguration() {
        return new SelectedSerializerSnapshot();
    }

    /** Named by {@code @TypeInfo} on {@link Selected}. */
    public static final class Factory extends RecordTypeInfoFactory<Selected> {
        public Factory() {
            super(Selected.class, INSTANCE);
        }
    }

    /** The snapshot in checkpoints and savepoints: the serializer has no configuration. */
    public static final class SelectedSerializerSnapshot extends SimpleTypeSerializerSnapshot<Selected> {
        public SelectedSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
