package org.t1573.ingest;

/** A record a parser cannot read; the message is the reason a user sees in the dead letters. */
public class MalformedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String reason) {
        super(reason);
    }

    public MalformedRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
