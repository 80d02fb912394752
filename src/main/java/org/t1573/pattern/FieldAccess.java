package org.t1573.pattern;

import java.io.Serializable;
import java.util.Set;
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
    private final Set<String> vocabulary;

    /** A field of open values. */
    public FieldAccess(String name, FieldType type, Getter<T> getter) {
        this(name, type, getter, Set.of());
    }

    /** A field whose values are one of {@code vocabulary} (empty: any value). */
    public FieldAccess(String name, FieldType type, Getter<T> getter, Set<String> vocabulary) {
        this.name = name;
        this.type = type;
        this.getter = getter;
        this.vocabulary = Set.copyOf(vocabulary);
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    /** The values the field can have, empty when any value is possible. */
    public Set<String> vocabulary() {
        return vocabulary;
    }

    public Object get(T record) {
        return getter.get(record);
    }
}
