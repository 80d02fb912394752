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
 * since it is no part of the first record.
 */
public final class TelemetryLines implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader in;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int pos;
    private int end;
    private boolean started;

    public TelemetryLines(InputStream in) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The next line without its line end, or null at the end of the input. */
    public String next() throws IOException {
        // A line longer than the buffer collects here; most lines are cut straight out of the buffer.
        StringBuilder spill = null;
        while (true) {
            if (pos == end) {
                if (!fill()) {
                    return spill == null ? null : line(spill, end);
                }
                continue; // a read may give only the byte order mark
            }
            for (int i = pos; i < end; i++) {
                if (buffer[i] == '\n') {
                    String line = line(spill, i);
                    pos = i + 1;
                    return line;
                }
            }
            if (spill == null) {
                spill = new StringBuilder();
            }
            spill.append(buffer, pos, end - pos);
            pos = end;
        }
    }

    /** The line ending before {@code to}, after what {@code spill} holds, without a final CR. */
    private String line(StringBuilder spill, int to) {
        if (spill == null) {
            int length = to - pos;
            return new String(buffer, pos, length > 0 && buffer[to - 1] == '\r' ? length - 1 : length);
        }
        spill.append(buffer, pos, to - pos);
        int length = spill.length();
        if (length > 0 && spill.charAt(length - 1) == '\r') {
            spill.setLength(length - 1);
        }
        return spill.toString();
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
