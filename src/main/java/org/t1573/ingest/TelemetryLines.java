package org.t1573.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a telemetry file: UTF-8 text cut at LF only, the CR of a CRLF dropped. A lone CR
 * stays in its line: no writer of JSON lines or audit logs ends a record with it, and cutting
 * there (as {@link java.io.BufferedReader#readLine} does) makes one record two and shifts the
 * line number of every record after it. A byte order mark at the start of the file is dropped,
 * since it is no part of the first record. Of each line at most {@code keep} characters are kept,
 * with the line's whole length: no line (a file without line breaks, a binary file) takes more
 * memory than that.
 */
public final class TelemetryLines implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER_CHARS = 1 << 16;

    /** A line: its first characters, up to the reader's bound, and its whole length. */
    public record Line(String text, long length) {}

    private final Reader in;
    private final int keep;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int pos;
    private int end;
    private boolean started;

    /** Lines kept up to {@link RecordLimit#MAX_CHARS}. */
    public TelemetryLines(InputStream in) {
        this(new InputStreamReader(in, StandardCharsets.UTF_8), RecordLimit.MAX_CHARS);
    }

    TelemetryLines(Reader in, int keep) {
        this.in = in;
        this.keep = keep;
    }

    /** The next line's text without its line end (cut to the bound), or null at the end of the input. */
    public String next() throws IOException {
        Line line = nextLine();
        return line == null ? null : line.text();
    }

    /** The next line without its line end, or null at the end of the input. */
    public Line nextLine() throws IOException {
        // A line longer than what is left of the buffer collects here; most are cut straight out of it.
        StringBuilder spill = null;
        long length = 0;
        char last = 0;
        while (true) {
            if (pos == end) {
                if (!fill()) {
                    return spill == null ? null : line(spill, length, last);
                }
                continue; // a read may give only the byte order mark
            }
            for (int i = pos; i < end; i++) {
                if (buffer[i] == '\n') {
                    if (spill == null) {
                        int n = i - pos > 0 && buffer[i - 1] == '\r' ? i - pos - 1 : i - pos;
                        Line line = new Line(new String(buffer, pos, Math.min(n, keep)), n);
                        pos = i + 1;
                        return line;
                    }
                    length += append(spill, pos, i);
                    last = i > pos ? buffer[i - 1] : last;
                    pos = i + 1;
                    return line(spill, length, last);
                }
            }
            spill = spill == null ? new StringBuilder() : spill;
            length += append(spill, pos, end);
            last = buffer[end - 1];
            pos = end;
        }
    }

    /** Appends buffer[from, to) as far as the bound allows; the number of characters it spans. */
    private int append(StringBuilder spill, int from, int to) {
        spill.append(buffer, from, Math.max(0, Math.min(to - from, keep - spill.length())));
        return to - from;
    }

    /** The collected line, without a final CR. */
    private static Line line(StringBuilder spill, long length, char last) {
        if (last == '\r') {
            length--;
            spill.setLength((int) Math.min(spill.length(), length));
        }
        return new Line(spill.toString(), length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        pos = 0;
        end = n;
        if (!started) {
            started = true;
            if (n > 0 && buffer[0] == BYTE_ORDER_MARK) {
                pos = 1;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
