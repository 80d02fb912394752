package org.t1573.backtest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * How many records a backtest's input holds, estimated without reading it all: the total size of
 * the files, divided by the mean record size of each file's first lines (for {@code .gz}, the
 * compressed bytes those lines took). Progress output measures records read against it.
 */
public final class InputEstimate {
    private static final int SAMPLE_LINES = 2_000;

    private InputEstimate() {}

    /** Estimated records in the files under {@code paths} (directories recursively). */
    public static long records(List<Path> paths) throws IOException {
        double total = 0;
        for (Path p : paths) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    total += estimate(f);
                }
            }
        }
        return Math.round(total);
    }

    private static double estimate(Path f) throws IOException {
        long size = Files.size(f);
        try (CountingStream raw = new CountingStream(Files.newInputStream(f));
                InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192)) {
            int lines = 0;
            long sampleBytes = 0;
            String line;
            while (lines < SAMPLE_LINES && (line = r.readLine()) != null) {
                lines++;
                sampleBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            if (lines < SAMPLE_LINES) {
                return lines;
            }
            // Compressed: the file bytes the sample took, as near as the reader's read-ahead allows.
            double bytesPerLine = in == raw ? sampleBytes / (double) lines : raw.count / (double) lines;
            return size / bytesPerLine;
        }
    }

    /** Counts the bytes taken from the file. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
