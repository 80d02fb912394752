package org.t1573.detect;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.t1573.event.RecordTypeInfoFactory;

/**
 * Flink's serializer of {@link GroupKey}: 16 bytes, a fixed length, which is what lets the BATCH
 * sort of keyed inputs compare keys as fixed-length byte strings.
 */
public final class GroupKeySerializer extends TypeSerializerSingleton<GroupKey> {
    private static final long serialVersionUID = 1L;

    /** The one instance: the serializer holds no state. */
    public static final GroupKeySerializer INSTANCE = new GroupKeySerializer();

    private static final int LENGTH = 16;

    private GroupKeySerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public GroupKey createInstance() {
        return new GroupKey(0, 0);
    }

    @Override
    public GroupKey copy(GroupKey from) {
        return from;
    }

    @Override
    public GroupKey copy(GroupKey from, GroupKey reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(GroupKey k, DataOutputView out) throws IOException {
        out.writeLong(k.hi);
        out.writeLong(k.lo);
    }

    @Override
    public GroupKey deserialize(DataInputView in) throws IOException {
        return new GroupKey(in.readLong(), in.readLong());
    }

    @Override
    public GroupKey deserialize(GroupKey reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, LENGTH);
    }

    @Override
    public TypeSerializerSnapshot<GroupKey> snapshotConfiguration() {
        return new GroupKeySerializerSnapshot();
    }

    /** Named by {@code @TypeInfo} on {@link GroupKey}: a key type. */
    public static final class Factory extends RecordTypeInfoFactory<GroupKey> {
        public Factory() {
            super(GroupKey.class, INSTANCE, true);
        }
    }

    /** The snapshot in checkpoints and savepoints: the serializer has no configuration. */
    public static final class GroupKeySerializerSnapshot extends SimpleTypeSerializerSnapshot<GroupKey> {
        public GroupKeySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
