package org.t1573.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a labels file (the format of {@code samples/<platform>/labels.csv}). */
public final class Labels {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("scenario", "host", "process", "destination", "from", "to",
            "label", "expected_alerts", "description");

    /** Label values; a near miss is benign activity built to resemble an attack, scored as benign. */
    public static final List<String> LABELS = List.of("malicious", "benign", "near_miss");

    private Labels() {}

    public static List<Label> read(Path file) throws IOException {
        List<Label> out = new ArrayList<>();
        for (Csv.Row r : Csv.read(file, HEADER)) {
            String where = file + ":" + r.line() + ": ";
            String label = r.get(6);
            if (!LABELS.contains(label)) {
                throw new IllegalArgumentException(where + "label must be one of " + LABELS + ", not '" + label + "'");
            }
            if (r.get(2).isEmpty() && r.get(3).isEmpty()) {
                throw new IllegalArgumentException(where + "a row needs a process or a destination");
            }
            Set<String> expected = new LinkedHashSet<>(Arrays.asList(r.get(7).split("\\s+")));
            expected.remove("");
            out.add(new Label(r.line(), r.get(0), r.get(1), ProcessRef.normalize(r.get(2)), r.get(3),
                    time(where, "from", r.get(4)), time(where, "to", r.get(5)), label.equals("malicious"),
                    Set.copyOf(expected), r.get(8)));
        }
        return out;
    }

    private static Instant time(String where, String column, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + column + " must be an ISO time like 2026-03-02T08:00:00Z, not '"
                    + text + "'", e);
        }
    }
}
