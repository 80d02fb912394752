package org.t1573.detect;

import org.t1573.event.Event;

/**
 * One event of a completed CEP match, or the end of a key, on its way to the alert window.
 * A match of n steps becomes n hits sharing {@code matchTime}, the time of its last event.
 */
public class Hit {
    /** {@link #step} of a hit that ends the key (a process exited). */
    public static final int END_OF_KEY = -1;

    public String key;
    public int step;
    public long matchTime;
    public Event event;

    public Hit() {}

    public Hit(String key, int step, long matchTime, Event event) {
        this.key = key;
        this.step = step;
        this.matchTime = matchTime;
        this.event = event;
    }

    public String getKey() {
        return key;
    }
}
