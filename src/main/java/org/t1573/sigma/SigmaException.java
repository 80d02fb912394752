package org.t1573.sigma;

/** Why a Sigma rule cannot be compiled, at the line of the YAML that says so. */
final class SigmaException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    SigmaException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
