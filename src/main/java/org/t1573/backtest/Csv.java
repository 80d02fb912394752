package org.t1573.backtest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small CSV files of the workflow (labels, known false positives) with Jackson's CSV
 * parser (RFC 4180 quoting), checking the header and each row's field count so that an error
 * names the file and line. Fields are trimmed and blank lines skipped, as engineers edit these
 * files by hand.
 */
final class Csv {
    /**
     * The file as an array of rows, each an array of text, so that the header is a row like the
     * others; blank lines are no rows, and a quoted field may have spaces around its quotes.
     */
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private Csv() {}

    /** Data rows of the file (header skipped), each with its 1-based line number first. */
    static List<Row> read(Path file, List<String> header) throws IOException {
        // Read as text first, so a byte-order mark stays part of the header, as any text editor shows it.
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        try (CsvParser parser = (CsvParser) CSV.createParser(text)) {
            parser.nextToken(); // the array of rows
            Row first = next(parser);
            if (first == null || first.line() != 1 || !first.fields().equals(header)) {
                throw new IllegalArgumentException(
                        file + ": the first line must be the header " + String.join(",", header));
            }
            for (Row row = next(parser); row != null; row = next(parser)) {
                if (row.fields().size() != header.size()) {
                    throw new IllegalArgumentException(file + ":" + row.line() + ": " + row.fields().size()
                            + " fields, expected " + header.size() + " (" + String.join(",", header) + ")");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The next row with its line (its first field's: a row's own token has none), each field
     * trimmed, quoted ones too; null after the last row.
     */
    private static Row next(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        int line = parser.currentLocation().getLineNr();
        List<String> fields = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            line = fields.isEmpty() ? parser.currentTokenLocation().getLineNr() : line;
            fields.add(parser.getText().trim());
        }
        return new Row(line, fields);
    }

    /** A data row and where it is. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return fields.get(i);
        }
    }
}
