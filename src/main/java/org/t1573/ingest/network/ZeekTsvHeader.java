package org.t1573.ingest.network;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.t1573.ingest.MalformedRecordException;

/**
 * The header state of a Zeek ASCII (TSV) log: the {@code #separator}, the {@code #path} and the
 * {@code #fields} of the file being read. Each file starts with its own header, and a reader may
 * go from one file to the next, so every header line replaces what the previous file declared.
 */
final class ZeekTsvHeader implements Serializable {
    private static final long serialVersionUID = 1L;

    private String separator = "\t";
    private String unsetField = "-";
    private String emptyField = "(empty)";
    private String path;
    private List<String> fields;

    /** Takes in a line starting with '#'. */
    void accept(String line) {
        if (line.startsWith("#separator")) {
            // The one header line that is always space-separated, since it defines the separator.
            separator = unescape(line.substring("#separator".length()).strip());
            fields = null;
            path = null;
            return;
        }
        int cut = line.indexOf(separator);
        String key = cut < 0 ? line : line.substring(0, cut);
        String value = cut < 0 ? "" : line.substring(cut + separator.length());
        switch (key) {
            case "#path" -> path = value;
            case "#fields" -> fields = List.of(value.split(Pattern.quote(separator), -1));
            case "#unset_field" -> unsetField = value;
            case "#empty_field" -> emptyField = value;
            default -> {
                // #set_separator, #types, #open, #close: nothing the mapping needs.
            }
        }
    }

    boolean hasFields() {
        return fields != null;
    }

    /** The log type: #path if the file names it, else the fields it has. */
    ZeekLogType type() {
        return path != null ? ZeekLogType.ofPath(path) : ZeekLogType.ofFields(fields::contains);
    }

    /** The values of a data row by field name. */
    NetworkFieldReader row(String line, String source) throws MalformedRecordException {
        String[] values = line.split(Pattern.quote(separator), -1);
        if (values.length != fields.size()) {
            throw new MalformedRecordException(source + ": row has " + values.length + " values but #fields names "
                    + fields.size() + " (" + String.join(",", fields.subList(0, Math.min(3, fields.size()))) + ",...)");
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].equals(unsetField) && !values[i].equals(emptyField)) {
                byName.put(fields.get(i), unescape(values[i]));
            }
        }
        return new NetworkFieldReader(source, byName::get);
    }

    /** Zeek writes the separator and unprintable bytes inside values as {@code \xHH}. */
    static String unescape(String s) {
        if (!s.contains("\\x")) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 3 < s.length() && s.charAt(i) == '\\' && s.charAt(i + 1) == 'x' && isHex(s, i + 2)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int at) {
        return Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
