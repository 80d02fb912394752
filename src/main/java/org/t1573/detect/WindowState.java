package org.t1573.detect;

import org.t1573.event.Event;

/** Keyed state: the open alert window of one pattern and key. */
public class WindowState {
    public String alertId;
    public long start;
    public long end;
    public boolean emitted;
    /** Sessions that arrived after the alert was written: the repeats it stands for. */
    public long suppressed;
    public long evidenceCount;
    /** Something was added after the alert was written: the window closes with an update. */
    public boolean dirty;
    /** The first event of the window, for the alert's host and process details. */
    public Event first;

    public WindowState() {}
}
