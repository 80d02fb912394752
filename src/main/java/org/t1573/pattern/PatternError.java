package org.t1573.pattern;

import java.io.Serializable;

/** One problem in a pattern file, with where it is and why it is wrong. */
public final class PatternError implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    public PatternError(String file, int line, String reason) {
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
