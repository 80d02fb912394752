package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cutting telemetry files into records: at LF only, CRLF as one end, a leading byte order mark dropped. */
class TelemetryLinesTest {

    @Test
    void aLoneCrStaysInItsLineAndLfAndCrlfEndLines() throws IOException {
        assertThat(lines("{\"a\":1,\r\"b\":2}\nsecond\r\nthird")).containsExactly("{\"a\":1,\r\"b\":2}", "second", "third");
    }

    @Test
    void aByteOrderMarkIsDroppedAtTheStartOfTheFileOnly() throws IOException {
        assertThat(lines("\uFEFF{\"a\":1}\n\uFEFFkept\n")).containsExactly("{\"a\":1}", "\uFEFFkept");
    }

    @Test
    void emptyLinesAreLinesAndNothingFollowsTheLastLf() throws IOException {
        assertThat(lines("a\n\n\r\nb\n")).containsExactly("a", "", "", "b");
        assertThat(lines("")).isEmpty();
        assertThat(lines("\uFEFF")).isEmpty();
    }

    /** Around the sizes a read of the decoder and of the reader's buffer may end at, so CR and LF fall apart. */
    @ParameterizedTest
    @ValueSource(ints = {8191, 8192, 8193, 65535, 65536, 65537, 200_000})
    void aLineLongerThanOneReadEndsAtItsCrlf(int length) throws IOException {
        String longLine = "x".repeat(length);

        assertThat(lines(longLine + "\r\nnext\n" + longLine)).containsExactly(longLine, "next", longLine);
    }

    @Test
    void keepsTheStartOfALongLineWithItsLengthAndReadsOnAfterIt() throws IOException {
        String longLine = "y".repeat(200_000);
        List<TelemetryLines.Line> lines = bounded("first\n" + longLine + "\r\nnext\rstill next\nlast", 10);

        assertThat(lines).extracting(TelemetryLines.Line::text)
                .containsExactly("first", "yyyyyyyyyy", "next\rstill", "last");
        assertThat(lines).extracting(TelemetryLines.Line::length).containsExactly(5L, 200_000L, 15L, 4L);
    }

    @Test
    void aLineOverTheRecordLimitIsCutAndMeasured() throws IOException {
        List<TelemetryLines.Line> lines = bounded("a\n" + "x".repeat(RecordLimit.MAX_CHARS + 5) + "\nb\n",
                RecordLimit.MAX_CHARS);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).text()).hasSize(RecordLimit.MAX_CHARS);
        assertThat(RecordLimit.exceededBy(lines.get(1).length())).isTrue();
        assertThat(RecordLimit.exceededBy(lines.get(0).length())).isFalse();
        assertThat(lines.get(2).text()).isEqualTo("b");
    }

    private static List<TelemetryLines.Line> bounded(String text, int keep) throws IOException {
        List<TelemetryLines.Line> out = new ArrayList<>();
        try (TelemetryLines lines = new TelemetryLines(new java.io.StringReader(text), keep)) {
            for (TelemetryLines.Line line = lines.nextLine(); line != null; line = lines.nextLine()) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> lines(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TelemetryLines lines = new TelemetryLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                out.add(line);
            }
        }
        return out;
    }
}
