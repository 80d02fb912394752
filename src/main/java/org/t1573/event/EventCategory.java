package org.t1573.event;

/** The {@code event.category} values: what kind of activity an event records. */
public enum EventCategory implements FieldValue {
    PROCESS,
    LIBRARY,
    NETWORK
}
