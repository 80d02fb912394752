package org.t1573.event;

/** The value type of an {@link EventField}; predicates are type-checked against it at load time. */
public enum FieldType {
    STRING,
    LONG,
    DOUBLE,
    BOOLEAN,
    /** An IPv4 or IPv6 address held as text. */
    IP,
    /** Epoch milliseconds. */
    TIME
}
