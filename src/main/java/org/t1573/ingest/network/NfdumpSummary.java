package org.t1573.ingest.network;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells the lines of nfdump's closing summary from flow rows. The line output ends with
 * {@code Summary: total flows: ...}, {@code Time window: ...}, {@code Total flows processed: ...}
 * and the profile {@code Sys: ...}; the CSV output with a {@code Summary} line, the summary's own
 * header {@code flows,bytes,packets,avg_bps,avg_pps,avg_bpp} and one row of six numbers. Each line
 * is told by its own text, so a summary where none belongs hides no flow row after it.
 */
final class NfdumpSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String REASON = "nfdump summary line";

    private static final List<String> LINE_OUTPUT = List.of("Summary: ", "Time window: ", "Total flows processed: ",
            "Sys: ", "IP addresses anonymised");
    private static final String CSV_TITLE = "Summary";
    private static final String CSV_HEADER = "flows,bytes,packets,avg_bps,avg_pps,avg_bpp";
    private static final Pattern CSV_VALUES = Pattern.compile("\\d+(?:,\\d+){5}");

    /** The CSV summary's header was the line before: its row of numbers may follow. */
    private boolean valuesNext;

    /** True if the (stripped) line belongs to a summary. */
    boolean accepts(String line) {
        boolean values = valuesNext && CSV_VALUES.matcher(line).matches();
        valuesNext = line.equals(CSV_HEADER);
        return values || valuesNext || line.equals(CSV_TITLE) || LINE_OUTPUT.stream().anyMatch(line::startsWith);
    }

    /** A new input starts. */
    void reset() {
        valuesNext = false;
    }
}
