package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void saysRateShareAndTimeRemaining() {
        assertThat(ProgressLine.format(25_000, 100_000, Duration.ofSeconds(10)))
                .isEqualTo("progress: 25,000 records read (2,500/s), ~25% of ~100,000, ~0:00:30 remaining");
    }

    @Test
    void omitsTheEstimateWhenTheSizeIsUnknown() {
        assertThat(ProgressLine.format(10, 0, Duration.ofSeconds(5))).isEqualTo("progress: 10 records read (2/s)");
    }

    @Test
    void countsTheRecordsOfSmallFilesExactly() throws IOException {
        Files.write(dir.resolve("a.log"), List.of("one", "two", "three"));
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b.log"), List.of("four"));
        assertThat(InputEstimate.records(List.of(dir))).isEqualTo(4);
    }

    @Test
    void estimatesLargeFilesFromTheirFirstLinesIncludingGzip() throws IOException {
        String line = "x".repeat(99);
        Files.write(dir.resolve("big.log"), java.util.Collections.nCopies(10_000, line));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("big.log.gz")))) {
            for (int i = 0; i < 10_000; i++) {
                gz.write((line + i + "\n").getBytes());
            }
        }
        assertThat(InputEstimate.records(List.of(dir.resolve("big.log")))).isBetween(9_900L, 10_100L);
        // Compressed input is estimated from the compressed bytes the sample took: coarser.
        assertThat(InputEstimate.records(List.of(dir.resolve("big.log.gz")))).isBetween(5_000L, 20_000L);
    }

    @Test
    void keepsEventsInTheHalfOpenRange() {
        EventTimeRange r = new EventTimeRange(Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(r.contains(Instant.parse("2026-03-02T08:00:00Z").toEpochMilli())).isTrue();
        assertThat(r.contains(Instant.parse("2026-03-02T09:00:00Z").toEpochMilli())).isFalse();
        assertThat(new EventTimeRange(null, null).contains(0)).isTrue();
    }
}
