package org.t1573.pattern;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when pattern files are invalid; carries every error found, not only the first. */
public class PatternLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<PatternError> errors;

    public PatternLoadException(List<PatternError> errors) {
        super(errors.size() + " error(s) in pattern files:\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<PatternError> errors() {
        return errors;
    }
}
