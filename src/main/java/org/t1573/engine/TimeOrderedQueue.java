package org.t1573.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The pending events of one key, sorted by the operator's comparator (time first): one list,
 * stored as one state value, instead of Flink CEP's map of timestamps that every timer iterates.
 * Events the comparator finds equal are the same record delivered twice and are kept once.
 */
final class TimeOrderedQueue {
    private TimeOrderedQueue() {}

    /**
     * Inserts {@code e} in order; false (and the queue unchanged) when an equal event is queued.
     * Searches from the end: events mostly arrive in time order.
     */
    static <T> boolean insert(List<T> queue, T e, Comparator<? super T> order) {
        int i = queue.size();
        while (i > 0) {
            int c = order.compare(queue.get(i - 1), e);
            if (c == 0) {
                return false;
            }
            if (c < 0) {
                break;
            }
            i--;
        }
        queue.add(i, e);
        return true;
    }

    /** Removes and returns the leading events for which {@code due} holds. */
    static <T> List<T> takeWhile(List<T> queue, Predicate<T> due) {
        int n = 0;
        while (n < queue.size() && due.test(queue.get(n))) {
            n++;
        }
        List<T> taken = new ArrayList<>(queue.subList(0, n));
        queue.subList(0, n).clear();
        return taken;
    }
}
