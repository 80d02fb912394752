package org.t1573.ingest;

import java.io.Serializable;

/** A record that could not be parsed: where it came from, its raw text and why. */
public class DeadLetter implements Serializable {
    private static final long serialVersionUID = 1L;

    public String channel;
    public String origin;
    public String reason;
    public String raw;

    public DeadLetter() {}

    public DeadLetter(String channel, String origin, String reason, String raw) {
        this.channel = channel;
        this.origin = origin;
        this.reason = reason;
        this.raw = raw;
    }

    @Override
    public String toString() {
        return channel + " " + origin + ": " + reason;
    }
}
