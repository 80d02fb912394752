package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow's CSV files as Jackson reads them: quoting, trimming, blank lines, line numbers. */
class CsvTest {
    private static final List<String> HEADER = List.of("a", "b", "c");

    @TempDir
    Path dir;

    @Test
    void readsQuotedCommasAndDoubledQuotesTrimsFieldsAndCountsBlankLines() throws IOException {
        List<Csv.Row> rows = Csv.read(file(" a , b,c\r\nx, \"y, z\" ,\n\n   \n\"say \"\"hi\"\"\",2,3\n"), HEADER);
        assertThat(rows).extracting(Csv.Row::line).containsExactly(2, 5);
        assertThat(rows.get(0).fields()).containsExactly("x", "y, z", "");
        assertThat(rows.get(1).fields()).containsExactly("say \"hi\"", "2", "3");
    }

    @Test
    void namesTheLineOfARowWithTheWrongNumberOfFields() throws IOException {
        Path f = file("a,b,c\n1,2,3\n\n1,2\n");
        assertThatThrownBy(() -> Csv.read(f, HEADER)).hasMessageEndingWith("t.csv:4: 2 fields, expected 3 (a,b,c)");
    }

    @Test
    void theHeaderIsTheFirstLine() throws IOException {
        for (String text : List.of("", "\na,b,c\n", "a,b\n", "\uFEFFa,b,c\n")) {
            Path f = file(text);
            assertThatThrownBy(() -> Csv.read(f, HEADER))
                    .hasMessageEndingWith("the first line must be the header a,b,c");
        }
        assertThat(Csv.read(file("a,b,c\n"), HEADER)).isEmpty();
    }

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), text);
    }
}
