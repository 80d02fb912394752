package org.t1573.replay;

/** Holds a sender to a rate: the n-th record is not sent before start + n / rate. */
final class Pacer {
    private final double perSecond;
    private final long start = System.nanoTime();

    /** @param perSecond records per second; 0 or less: as fast as possible */
    Pacer(double perSecond) {
        this.perSecond = perSecond;
    }

    void await(long sent) throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        long due = start + (long) (sent * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
