package org.t1573.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code labels.csv} of a platform's samples: one row per labelled scenario, in the columns
 * the detection tests read ({@code SampleLabels}).
 */
final class LabelsCsv {

    private static final String HEADER = "scenario,host,process,destination,from,to,label,expected_alerts,description";
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>(List.of(HEADER));

    /**
     * A row whose window is widened to whole seconds, so that it still covers the first and last
     * event, and whose description is quoted where CSV needs it.
     */
    void addWidened(String scenario, String host, String process, String destination, Instant from, Instant to,
            boolean malicious, String expected, String description) {
        lines.add(String.join(",", scenario, host, process, destination,
                ISO_SECONDS.format(from.truncatedTo(ChronoUnit.SECONDS)),
                ISO_SECONDS.format(to.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS)),
                malicious ? "malicious" : "benign", expected, quoted(description)));
    }

    /** A row with the window's exact instants; descriptions are written without commas, so need no quoting. */
    void addExact(String scenario, String host, String process, String destination, Instant from, Instant to,
            String label, String expected, String description) {
        if (description.contains(",")) {
            throw new IllegalArgumentException("a label description must not contain a comma: " + description);
        }
        lines.add(String.join(",", scenario, host, process, destination, from.toString(), to.toString(), label,
                expected, description));
    }

    void write(Path file) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
