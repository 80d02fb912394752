package org.t1573.event;

/** The {@code event.outcome} values; {@code unknown} when the source cannot tell (an attempt, a midstream pickup). */
public enum EventOutcome implements FieldValue {
    SUCCESS,
    FAILURE,
    UNKNOWN;

    /** SUCCESS or FAILURE by a flag. */
    public static EventOutcome of(boolean succeeded) {
        return succeeded ? SUCCESS : FAILURE;
    }
}
