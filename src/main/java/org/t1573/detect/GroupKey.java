package org.t1573.detect;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The key a pattern's events are grouped by: the 128-bit hash ({@link Murmur3}) of the joined
 * group-by values ({@code CompiledPattern.key}). Fixed size, so the BATCH sort compares 16 bytes
 * instead of host names and process GUIDs, and state, shuffle and RocksDB hold 16 bytes per key
 * instead of the text. Nothing shown to a user comes from it: alerts name the host and process from
 * their events.
 */
@TypeInfo(GroupKeySerializer.Factory.class)
public final class GroupKey {
    final long hi;
    final long lo;

    GroupKey(long hi, long lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** The key of joined group-by values. */
    public static GroupKey of(CharSequence groupByValues) {
        long[] h = Murmur3.hash128(groupByValues);
        return new GroupKey(h[0], h[1]);
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
