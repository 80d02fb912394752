package org.t1573.event;

/**
 * Makes equal strings read back from the wire one instance, so keyed state holds one copy of a
 * host name, image path or process GUID instead of one per event and per pattern: every pattern
 * that selects an event receives its own deserialized copy, and strings were 60 % of the heap
 * state per open process. A fixed-size table of recent strings, shared by all threads: an entry
 * is replaced when another string falls on its slot, so it never grows; a lost race only costs
 * a duplicate (strings are immutable, a slot write is atomic).
 */
final class SharedStrings {
    private static final int SLOTS = 1 << 18;
    private static final String[] TABLE = new String[SLOTS];

    private SharedStrings() {}

    /** An instance equal to {@code s}: the one in the table if there is one, else {@code s}, now in the table. */
    static String of(String s) {
        int h = s.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        String known = TABLE[i];
        if (known != null && known.equals(s)) {
            return known;
        }
        TABLE[i] = s;
        return s;
    }
}
