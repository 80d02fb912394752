package org.t1573.job;

/**
 * The range of {@code --parallelism}: 1 to {@value #MAX}. 128 is Flink's default maximum
 * parallelism, the key groups a keyed job's state is split into; on one machine every subtask is a
 * thread of one JVM sharing a fixed managed memory (BATCH sorts fail from 512 on), and past the
 * machine's cores more subtasks only add threads.
 */
final class Parallelism {
    static final int MAX = 128;
    /** The range as the help text gives it. */
    static final String RANGE = "1 to " + MAX;

    private Parallelism() {}

    /** {@code p}, or IllegalArgumentException naming the option and its range. */
    static int check(int p) {
        if (p < 1 || p > MAX) {
            throw new IllegalArgumentException("--parallelism must be between 1 and " + MAX + ", not " + p);
        }
        return p;
    }
}
