package org.t1573.ingest.esxi;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Consumer;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;
import org.t1573.ingest.Timestamps;

/**
 * The comment lines a collection script writes before ESXi output that lacks them itself:
 * {@code # host <name>} (plain log files and esxcli output name no host) and
 * {@code # collected <ISO-8601 time>} (esxcli output has no time). Other {@code #} lines are
 * comments. The host holds until the next {@code # host}; the collection time is taken by the
 * next table header, so a second snapshot without its own time is never given the first's.
 */
final class CommentHeader implements Serializable {
    private static final long serialVersionUID = 1L;

    private String host;
    private Long collected;

    /**
     * Tells {@code ignored} of a blank or comment line (reading the comment); returns false for a
     * line that carries output.
     */
    boolean skips(String line, String source, Consumer<String> ignored) throws MalformedRecordException {
        if (line.isBlank()) {
            ignored.accept(RecordParser.BLANK_LINE);
            return true;
        }
        if (read(line, source)) {
            ignored.accept(RecordParser.HEADER_LINE);
            return true;
        }
        return false;
    }

    /** Reads the line if it is a comment; returns false for any other line. */
    boolean read(String line, String source) throws MalformedRecordException {
        String trimmed = line.strip();
        if (!trimmed.startsWith("#")) {
            return false;
        }
        String body = trimmed.substring(1).strip();
        int space = body.indexOf(' ');
        String key = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : body.substring(space + 1).strip();
        if (key.equals("host") && !value.isEmpty()) {
            host = value;
        } else if (key.equals("collected")) {
            try {
                collected = Timestamps.toEpochMillis(value);
            } catch (MalformedRecordException e) {
                throw new MalformedRecordException(source + ": '# collected' line: " + e.getMessage(), e);
            }
        }
        return true;
    }

    /** The host named by the last {@code # host} line, or null. */
    String host() {
        return host;
    }

    /** The pending collection time, which only one table may take; null if none is pending. */
    Long takeCollected() {
        Long t = collected;
        collected = null;
        return t;
    }
}
