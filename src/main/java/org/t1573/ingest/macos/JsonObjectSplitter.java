package org.t1573.ingest.macos;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.t1573.ingest.MalformedRecordException;

/**
 * Cuts a stream of lines into JSON object texts, whether the lines hold one object each
 * ({@code log show --style ndjson}) or one JSON array pretty-printed over many lines
 * ({@code log show --style json}). The array's brackets and commas are skipped. An object inside
 * an array may span lines and is returned by the line that closes it; an object outside an array
 * must end on its own line, so one broken ndjson record cannot swallow the records after it.
 */
final class JsonObjectSplitter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A bigger array element is not a log entry: give up on it rather than buffer without end. */
    static final int MAX_OBJECT_CHARS = 1 << 20;

    private final StringBuilder current = new StringBuilder();
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean inArray;

    /**
     * The objects this line completes, in order. Characters outside any object other than
     * whitespace, array brackets and commas are an error, reported after the whole line has been
     * scanned so that an object starting later on the line is still read.
     */
    List<String> feed(String line) throws MalformedRecordException {
        List<String> done = new ArrayList<>(1);
        String error = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (depth == 0) {
                String e = between(c);
                error = error == null ? e : error;
            } else {
                inside(c, done);
            }
        }
        if (depth > 0) {
            unfinished();
        }
        if (error != null) {
            throw new MalformedRecordException("macos: " + error);
        }
        return done;
    }

    /** A character between objects; returns an error message for one that does not belong there. */
    private String between(char c) {
        if (Character.isWhitespace(c)) {
            return null;
        }
        switch (c) {
            case '{':
                current.append(c);
                depth = 1;
                return null;
            case '[':
                inArray = true;
                return null;
            case ']':
                inArray = false;
                return null;
            case ',':
                return inArray ? null : "a ',' outside a JSON array";
            default:
                return "unexpected '" + c + "' outside a JSON object (expected ndjson or a JSON array of objects)";
        }
    }

    private void inside(char c, List<String> done) {
        current.append(c);
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            return;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            done.add(current.toString());
            current.setLength(0);
        }
    }

    /** The line ended inside an object: keep it for the next line if that is allowed. */
    private void unfinished() throws MalformedRecordException {
        if (!inArray) {
            reset();
            throw new MalformedRecordException("macos: JSON object does not end on its line"
                    + " (ndjson has one object per line; a multi-line export must be a JSON array)");
        }
        if (current.length() > MAX_OBJECT_CHARS) {
            reset();
            throw new MalformedRecordException("macos: JSON array element longer than " + MAX_OBJECT_CHARS
                    + " characters; skipped up to this line");
        }
        current.append('\n');
    }

    private void reset() {
        current.setLength(0);
        depth = 0;
        inString = false;
        escaped = false;
    }
}
