package org.t1573.detect;

import org.t1573.event.Event;

/** Keyed state: the open alert window of one pattern and key. */
public class WindowState {
    public String alertId;
    public long start;
    public long end;
    /** The condition held; the alert is written once every match of that instant is applied. */
    public boolean pending;
    public boolean emitted;
    /** Distinct sessions in the window, and how many there were when the condition first held. */
    public long sessions;
    public long sessionsAtTrigger;
    public long evidenceCount;
    /** Something was added after the alert was written: the window closes with an update. */
    public boolean dirty;
    /** The earliest matched event (by time, then id), for the alert's host and process details. */
    public Event first;

    public WindowState() {}
}
