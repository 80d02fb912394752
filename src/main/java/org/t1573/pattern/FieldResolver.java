package org.t1573.pattern;

import java.io.Serializable;
import java.util.Collection;

/** Resolves the field names a pattern file uses to accessors of one record type. */
public interface FieldResolver<T> extends Serializable {

    /** The accessor for a field, or null if no such field exists. */
    FieldAccess<T> resolve(String name);

    /** Every name this resolver knows, for "did you mean" messages. */
    Collection<String> names();
}
