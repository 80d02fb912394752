package org.t1573.replay;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.t1573.event.Event;
import org.t1573.ingest.Channels;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;
import org.t1573.ingest.TelemetryLines;

/**
 * The next record of one archived file, with its event time and key as the channel's parser
 * reads them. A record without an event (a kind no analytic uses, or malformed: the job makes
 * it a dead letter) takes the time of the record before it, so it keeps its place in the file.
 */
final class FileCursor implements Closeable {
    final String channel;
    final Path file;
    private final TelemetryLines reader;
    private final RecordParser parser;

    String line;
    /** Event time of {@link #line}, epoch ms; {@code null} before the file's first event. */
    Long time;
    /** The host of {@link #line}: one host's records share a partition, in order. */
    String key;
    long records;

    FileCursor(String channel, Path file) throws IOException {
        this.channel = channel;
        this.file = file;
        this.reader = ArchiveFiles.open(file);
        this.parser = Channels.parserFor(channel);
    }

    /** Moves to the next non-blank record; false at the end of the file. */
    boolean advance() throws IOException {
        do {
            line = reader.next();
        } while (line != null && line.isBlank());
        if (line == null) {
            return false;
        }
        records++;
        Event[] first = new Event[1];
        try {
            parser.parse(line, e -> {
                if (first[0] == null) {
                    first[0] = e;
                }
            });
        } catch (MalformedRecordException | RuntimeException e) {
            // Published as is: the job turns it into a dead letter with its topic, partition and offset.
        }
        if (first[0] != null) {
            time = first[0].timestamp;
            key = first[0].hostName;
        }
        return true;
    }

    /** Merge order: the earliest record first; records before any event time go first. */
    long order() {
        return time == null ? Long.MIN_VALUE : time;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
