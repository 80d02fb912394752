package org.t1573.ingest.network;

import java.util.function.UnaryOperator;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordFields;

/**
 * The named values of one network record, whatever its syntax (a Zeek TSV row, a JSON object, a
 * CSV row). The lookup returns a value as text, or null; values are read stripped, and Zeek's
 * {@code (empty)} reads as absent besides the markers {@link RecordFields} knows.
 */
final class FieldValues extends RecordFields {

    FieldValues(String source, UnaryOperator<String> lookup) {
        super(source, name -> stripped(lookup.apply(name)));
    }

    private static String stripped(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return "(empty)".equals(t) ? null : t;
    }

    /** The first element of a list value (Zeek sets and vectors, comma-separated). */
    String firstElement(String name) throws MalformedRecordException {
        String t = text(name);
        if (t == null) {
            return null;
        }
        int comma = t.indexOf(',');
        String first = comma < 0 ? t : t.substring(0, comma).strip();
        return first.isEmpty() ? null : first;
    }

    /** Zeek's {@code T}/{@code F} or JSON's true/false. */
    Boolean bool(String name) throws MalformedRecordException {
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
