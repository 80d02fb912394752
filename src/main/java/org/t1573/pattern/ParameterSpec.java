package org.t1573.pattern;

import java.io.Serializable;

/**
 * A tunable of a pattern: one of the seeds' "mutable elements" ({@code TimeWindow},
 * {@code AllowedCryptoProcesses}, ...) or an engine setting the pattern exposes. The value is
 * already converted to its type: {@code List<String>}, {@code Double}, {@code java.time.Duration},
 * {@code String} or {@code Boolean}.
 */
public final class ParameterSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String description;
    private final ParameterType type;
    private final Object defaultValue;
    private final int line;

    public ParameterSpec(String name, String description, ParameterType type, Object defaultValue, int line) {
        this.name = name;
        this.description = description;
        this.type = type;
        this.defaultValue = defaultValue;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ParameterType type() {
        return type;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    /** Line of the parameter in its pattern file (1-based). */
    public int line() {
        return line;
    }
}
