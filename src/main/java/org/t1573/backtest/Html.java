package org.t1573.backtest;

import java.util.Collection;
import java.util.stream.Collectors;

/** HTML text escaping and the table cells the report's sections share. */
final class Html {
    private Html() {}

    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A text cell. */
    static String cell(Object v) {
        return "<td>" + escape(v) + "</td>";
    }

    /** A right-aligned number cell. */
    static String num(Object v) {
        return "<td class=\"n\">" + escape(v) + "</td>";
    }

    /** A value as an analyst reads it: lists comma-separated ("none" when empty), never Java's {@code [a, b]}; "-" when absent. */
    static String value(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? "none" : c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }
}
