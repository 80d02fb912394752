package org.t1573.ingest.linux;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.t1573.ingest.MalformedRecordException;

/**
 * The {@code key=value} fields of one audit record body, as the kernel and auditd write them: a
 * value is {@code "quoted"} text, a bracketed list, or a bare word. A bare value of a text field
 * is hex when it held a space, quote or control character (proctitle, EXECVE arguments), and is
 * decoded with NUL bytes, which separate argv entries, turned into spaces.
 */
final class AuditKeyValueReader {

    private final Map<String, String> raw;

    private AuditKeyValueReader(Map<String, String> raw) {
        this.raw = raw;
    }

    /** The fields of a body; words without '=' (e.g. AVC's "denied { read }") are skipped. */
    static AuditKeyValueReader parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            while (i < n && body.charAt(i) == ' ') {
                i++;
            }
            int wordEnd = i;
            while (wordEnd < n && body.charAt(wordEnd) != ' ' && body.charAt(wordEnd) != '=') {
                wordEnd++;
            }
            if (wordEnd >= n || body.charAt(wordEnd) != '=') {
                i = wordEnd;
                continue;
            }
            String key = body.substring(i, wordEnd);
            int valueEnd = valueEnd(body, wordEnd + 1);
            out.putIfAbsent(key, body.substring(wordEnd + 1, valueEnd));
            i = valueEnd;
        }
        return new AuditKeyValueReader(out);
    }

    private static int valueEnd(String body, int start) {
        if (start < body.length()) {
            char open = body.charAt(start);
            char close = open == '"' ? '"' : open == '\'' ? '\'' : open == '[' ? ']' : 0;
            if (close != 0) {
                int end = body.indexOf(close, start + 1);
                return end < 0 ? body.length() : end + 1;
            }
        }
        int space = body.indexOf(' ', start);
        return space < 0 ? body.length() : space;
    }

    boolean has(String key) {
        return raw.containsKey(key);
    }

    /** The value as written, quotes included; null if the key is absent. */
    String raw(String key) {
        return raw.get(key);
    }

    /**
     * A text field: quoted text as is, bare hex decoded, {@code (null)}, {@code (none)} and
     * empty as null, any other bare word as is.
     */
    String text(String key) {
        String value = raw.get(key);
        if (value == null || value.isEmpty() || "(null)".equals(value) || "(none)".equals(value)) {
            return null;
        }
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            return value.substring(1, value.length() - 1);
        }
        return isHex(value) ? decodeHex(value) : value;
    }

    /** A decimal number (pid, uid, exit code), or null if absent. */
    Long number(String key, String source) throws MalformedRecordException {
        String value = raw.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(
                    source + ": field " + key + " '" + value + "' is not a number");
        }
    }

    static boolean isHex(String value) {
        if (value.isEmpty() || value.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Hex-encoded bytes as UTF-8 text, NULs (argv separators) as spaces, trailing NULs dropped. */
    static String decodeHex(String hex) {
        String text = new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
        return text.replaceAll("\u0000+$", "").replace('\u0000', ' ');
    }
}
