package org.t1573.ingest;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;

/**
 * Reads text lines ({@link TelemetryLines}: cut at LF only, plain or compressed by extension, e.g.
 * {@code .gz}; of bounded length, see {@link BoundedLineFormat}) and tags each with its file and
 * line number, so a dead letter says exactly which record of which file was bad. After the last
 * line of a file comes an end-of-input marker, for parsers that hold state per file.
 */
public class OriginTaggingLineFormat implements BulkFormat<RawLine, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    private final StreamFormatAdapter<RawLine> lines = new StreamFormatAdapter<>(new BoundedLineFormat());

    @Override
    public Reader<RawLine> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new Tagging(lines.createReader(config, split), split.path().toString());
    }

    @Override
    public Reader<RawLine> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        return new Tagging(lines.restoreReader(config, split), split.path().toString());
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawLine> getProducedType() {
        return TypeInformation.of(RawLine.class);
    }

    /** Wraps the line reader's batches. */
    private static final class Tagging implements Reader<RawLine> {
        private final Reader<RawLine> inner;
        private final String path;
        private boolean ended;
        private long lastOffset = RecordAndPosition.NO_OFFSET;
        private long lastSkipCount;

        Tagging(Reader<RawLine> inner, String path) {
            this.inner = inner;
            this.path = path;
        }

        @Override
        public RecordIterator<RawLine> readBatch() throws IOException {
            RecordIterator<RawLine> batch = inner.readBatch();
            if (batch == null) {
                if (ended) {
                    return null;
                }
                ended = true;
                return endMarker();
            }
            return new RecordIterator<>() {
                @Override
                public RecordAndPosition<RawLine> next() {
                    RecordAndPosition<RawLine> r = batch.next();
                    if (r == null) {
                        return null;
                    }
                    // The skip count is the number of records read before this one: line - 1.
                    long line = r.getRecordSkipCount();
                    lastOffset = r.getOffset();
                    lastSkipCount = r.getRecordSkipCount();
                    RawLine raw = r.getRecord();
                    raw.origin = path + ":" + line;
                    return new RecordAndPosition<>(raw, r.getOffset(), r.getRecordSkipCount());
                }

                @Override
                public void releaseBatch() {
                    batch.releaseBatch();
                }
            };
        }

        /** One batch holding only the end-of-input marker of this file. */
        private RecordIterator<RawLine> endMarker() {
            return new RecordIterator<>() {
                private boolean done;

                @Override
                public RecordAndPosition<RawLine> next() {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return new RecordAndPosition<>(RawLine.endOf(path), lastOffset, lastSkipCount + 1);
                }

                @Override
                public void releaseBatch() {}
            };
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
