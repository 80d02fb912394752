package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** The job's file reader on a hostile file: a byte order mark, a lone CR inside a record, a CRLF. */
class OriginTaggingLineFormatTest {

    private static final Path FILE = Path.of("src", "test", "resources", "hostile", "windows", "bom-lone-cr-crlf.ndjson");

    @Test
    void everyRecordKeepsItsLineNumberAndParses() throws Exception {
        List<RawLine> read = read(FILE);
        String path = new org.apache.flink.core.fs.Path(FILE.toUri()).toString();

        assertThat(read).extracting(r -> r.origin).containsExactly(path + ":1", path + ":2", path + ":3", path);
        assertThat(read.get(3).isEndOfInput()).isTrue();
        RecordParser parser = Channels.parserFor("windows");
        List<Event> events = new ArrayList<>();
        for (RawLine r : read.subList(0, 3)) {
            parser.parse(r.text, events::add);
        }
        assertThat(events).hasSize(3);
    }

    private static List<RawLine> read(Path file) throws IOException {
        long size = Files.size(file);
        FileSourceSplit split = new FileSourceSplit("0", new org.apache.flink.core.fs.Path(file.toUri()), 0, size,
                0, size);
        List<RawLine> out = new ArrayList<>();
        try (BulkFormat.Reader<RawLine> reader = new OriginTaggingLineFormat().createReader(new Configuration(), split)) {
            for (BulkFormat.RecordIterator<RawLine> batch = reader.readBatch(); batch != null;
                    batch = reader.readBatch()) {
                for (RecordAndPosition<RawLine> r = batch.next(); r != null; r = batch.next()) {
                    out.add(r.getRecord());
                }
                batch.releaseBatch();
            }
        }
        return out;
    }
}
