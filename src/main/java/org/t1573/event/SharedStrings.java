package org.t1573.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Makes equal strings read back from the wire one instance, so keyed state holds one copy of a
 * host name, image path or process GUID instead of one per event and per pattern: every pattern
 * that selects an event receives its own deserialized copy, and strings were 60 % of the heap
 * state per open process. A fixed-size table of recent strings, shared by all threads: an entry
 * is replaced when another string falls on its slot, so it never grows; a lost race only costs
 * a duplicate (strings are immutable, a slot write is atomic).
 *
 * <p>The table is looked up by the string's Latin-1 bytes as read, hashed eight bytes at a time:
 * {@code String.hashCode} of every string deserialized (one multiply per character) was 12 % of
 * a BATCH run, and a string found in the table is never built.
 */
final class SharedStrings {
    private static final int SLOTS = 1 << 18;
    private static final String[] TABLE = new String[SLOTS];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private SharedStrings() {}

    /** A string of these Latin-1 bytes: the one in the table if it is equal, else a new one, now in the table. */
    static String ofLatin1(byte[] latin1) {
        int i = slot(latin1);
        String known = TABLE[i];
        if (known != null && equal(known, latin1)) {
            return known;
        }
        String s = new String(latin1, StandardCharsets.ISO_8859_1);
        TABLE[i] = s;
        return s;
    }

    private static int slot(byte[] b) {
        long h = b.length;
        int k = 0;
        for (; k + Long.BYTES <= b.length; k += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, k)) * MIX;
        }
        for (; k < b.length; k++) {
            h = (h ^ b[k]) * MIX;
        }
        return (int) (h >>> 32) & (SLOTS - 1);
    }

    private static boolean equal(String s, byte[] latin1) {
        if (s.length() != latin1.length) {
            return false;
        }
        for (int k = 0; k < latin1.length; k++) {
            if (s.charAt(k) != (char) (latin1[k] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
