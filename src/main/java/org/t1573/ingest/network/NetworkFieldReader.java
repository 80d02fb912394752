package org.t1573.ingest.network;

import org.t1573.ingest.FieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * The named values of one network record, whatever its syntax (a Zeek TSV row, a JSON object, a
 * CSV row). The lookup returns a value as text, or null; text values are read stripped
 * (addresses are not: {@link #ip}), and Zeek's {@code (empty)} reads as absent besides the
 * markers {@link FieldReader} knows. A list value (Zeek sets and vectors) is read by its own
 * lookup, since JSON gives a list where other syntaxes give text.
 */
final class NetworkFieldReader extends FieldReader {
    private final Lookup lists;

    NetworkFieldReader(String source, Lookup lookup) {
        this(source, lookup, lookup);
    }

    NetworkFieldReader(String source, Lookup values, Lookup lists) {
        super(source, values);
        this.lists = lists;
    }

    @Override
    public String text(String name) throws MalformedRecordException {
        return stripped(super.text(name));
    }

    private static String stripped(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() || "-".equals(t) || "(empty)".equals(t) ? null : t;
    }

    /** The first element of a list value (Zeek sets and vectors, comma-separated). */
    String firstElement(String name) throws MalformedRecordException {
        String t = stripped(lists.find(name));
        if (t == null) {
            return null;
        }
        int comma = t.indexOf(',');
        String first = comma < 0 ? t : t.substring(0, comma).strip();
        return first.isEmpty() ? null : first;
    }

    /** Zeek's {@code T}/{@code F} or JSON's true/false. */
    @Override
    public Boolean bool(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            return null;
        }
        if ("T".equals(t) || "true".equalsIgnoreCase(t)) {
            return Boolean.TRUE;
        }
        if ("F".equals(t) || "false".equalsIgnoreCase(t)) {
            return Boolean.FALSE;
        }
        throw invalid(name, t, "not a boolean (T/F, true/false)");
    }
}
