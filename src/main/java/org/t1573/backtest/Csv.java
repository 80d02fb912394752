package org.t1573.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the small CSV files of the workflow (labels, known false positives): RFC 4180 quoting. */
final class Csv {
    private Csv() {}

    /** Data rows of the file (header skipped), each with its 1-based line number first. */
    static List<Row> read(Path file, List<String> header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !split(lines.get(0)).equals(header)) {
            throw new IllegalArgumentException(file + ": the first line must be the header " + String.join(",", header));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = split(lines.get(i));
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + fields.size() + " fields, expected "
                        + header.size() + " (" + String.join(",", header) + ")");
            }
            rows.add(new Row(i + 1, fields));
        }
        return rows;
    }

    /** One line's fields; a quoted field may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().trim());
        return out;
    }

    /** A data row and where it is. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return fields.get(i);
        }
    }
}
