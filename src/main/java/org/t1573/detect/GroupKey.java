package org.t1573.detect;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The key a pattern's events are grouped by: the 128-bit MurmurHash3 (Guava's
 * {@code Hashing.murmur3_128()} over the UTF-16 code units) of the joined group-by values
 * ({@code CompiledPattern.key}); 128 bits make a collision between two of the keys a run sees
 * negligible (about n^2 / 2^129). Fixed size, so the BATCH sort compares 16 bytes
 * instead of host names and process GUIDs, and state, shuffle and RocksDB hold 16 bytes per key
 * instead of the text. Nothing shown to a user comes from it: alerts name the host and process from
 * their events.
 */
@TypeInfo(GroupKeySerializer.Factory.class)
public final class GroupKey {
    /** The hash of keys and event ids; its seed is 0, so the keys of a savepoint stay valid. */
    static final HashFunction MURMUR3_128 = Hashing.murmur3_128();
    /** The hash's 16 bytes as two little-endian longs, the order Guava's {@code asLong()} reads. */
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final long hi;
    final long lo;

    GroupKey(long hi, long lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** The key of joined group-by values. */
    public static GroupKey of(CharSequence groupByValues) {
        byte[] h = MURMUR3_128.hashUnencodedChars(groupByValues).asBytes();
        return new GroupKey((long) LITTLE_ENDIAN_LONG.get(h, 0), (long) LITTLE_ENDIAN_LONG.get(h, Long.BYTES));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && k.hi == hi && k.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi);
    }

    @Override
    public String toString() {
        return String.format("%016x%016x", hi, lo);
    }
}
