package org.t1573.detect;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.t1573.event.Event;
import org.t1573.event.EventSerializer;
import org.t1573.event.RecordSerializer;
import org.t1573.event.RecordTypeInfoFactory;

/**
 * Flink's serializer of {@link MatchRecord}: matches and ends of keys cross the shuffle to the
 * alert window and its BATCH sort, and wait in its state for the watermark, so the record is
 * written by hand (the key, the time, the end and context flags, then each event with its step), not field by
 * field through reflection. A record without events arrays reads back with empty ones.
 */
public final class MatchRecordSerializer extends RecordSerializer<MatchRecord> {
    private static final long serialVersionUID = 1L;

    /** The one instance: the serializer holds no state. */
    public static final MatchRecordSerializer INSTANCE = new MatchRecordSerializer();

    private static final int HAS_KEY = 1;
    private static final int END = 2;
    private static final int CONTEXT = 4;

    private MatchRecordSerializer() {}

    @Override
    public MatchRecord createInstance() {
        return new MatchRecord();
    }

    @Override
    public MatchRecord copy(MatchRecord from) {
        int n = size(from);
        Event[] events = new Event[n];
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            events[i] = EventSerializer.INSTANCE.copy(from.events[i]);
            steps[i] = from.steps[i];
        }
        return new MatchRecord(from.key, from.matchTime, from.end, from.context, events, steps);
    }

    @Override
    public void serialize(MatchRecord m, DataOutputView out) throws IOException {
        out.writeByte((m.key != null ? HAS_KEY : 0) | (m.end ? END : 0) | (m.context ? CONTEXT : 0));
        if (m.key != null) {
            GroupKeySerializer.INSTANCE.serialize(m.key, out);
        }
        out.writeLong(m.matchTime);
        int n = size(m);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeInt(m.steps[i]);
            EventSerializer.INSTANCE.serialize(m.events[i], out);
        }
    }

    @Override
    public MatchRecord deserialize(DataInputView in) throws IOException {
        int flags = in.readByte();
        GroupKey key = (flags & HAS_KEY) != 0 ? GroupKeySerializer.INSTANCE.deserialize(in) : null;
        long matchTime = in.readLong();
        int n = in.readInt();
        Event[] events = new Event[n];
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            steps[i] = in.readInt();
            events[i] = EventSerializer.INSTANCE.deserialize(in);
        }
        return new MatchRecord(key, matchTime, (flags & END) != 0, (flags & CONTEXT) != 0, events, steps);
    }

    private static int size(MatchRecord m) {
        return m.events == null ? 0 : m.events.length;
    }

    @Override
    public TypeSerializerSnapshot<MatchRecord> snapshotConfiguration() {
        return new MatchRecordSerializerSnapshot();
    }

    /** Named by {@code @TypeInfo} on {@link MatchRecord}. */
    public static final class Factory extends RecordTypeInfoFactory<MatchRecord> {
        public Factory() {
            super(MatchRecord.class, INSTANCE);
        }
    }

    /** The snapshot in checkpoints and savepoints: the serializer has no configuration. */
    public static final class MatchRecordSerializerSnapshot extends SimpleTypeSerializerSnapshot<MatchRecord> {
        public MatchRecordSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
