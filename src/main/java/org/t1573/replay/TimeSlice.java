package org.t1573.replay;

/**
 * The part of an archive to publish: records with event time in {@code [from, until)}; either
 * end may be open ({@code null}). A record before the first event time of its file counts as
 * earlier than any time.
 */
public record TimeSlice(Long from, Long until) {
    public static final TimeSlice ALL = new TimeSlice(null, null);

    boolean contains(Long time) {
        long t = time == null ? Long.MIN_VALUE : time;
        return (from == null || t >= from) && (until == null || t < until);
    }
}
