package org.t1573.pattern;

/** The type of a pattern parameter, inferred from its default or declared with {@code type:}. */
public enum ParameterType {
    /** A list of strings (process names, DLL names, CIDRs, ports as text). */
    LIST,
    NUMBER,
    /** A duration such as {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d}. */
    DURATION,
    STRING,
    BOOLEAN
}
