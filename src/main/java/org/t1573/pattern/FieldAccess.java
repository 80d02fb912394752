package org.t1573.pattern;

import java.io.Serializable;
import org.t1573.event.FieldType;

/** How to read one named field from a record of type T, and what type its values have. */
public final class FieldAccess<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A serializable getter. */
    @FunctionalInterface
    public interface Getter<T> extends Serializable {
        Object get(T record);
    }

    private final String name;
    private final FieldType type;
    private final Getter<T> getter;

    public FieldAccess(String name, FieldType type, Getter<T> getter) {
        this.name = name;
        this.type = type;
        this.getter = getter;
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public Object get(T record) {
        return getter.get(record);
    }
}
