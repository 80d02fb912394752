package org.t1573.ingest;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;

/**
 * Reads text lines (plain or compressed by extension, e.g. {@code .gz}) and tags each with its
 * file and line number, so a dead letter says exactly which record of which file was bad.
 */
public class OriginTaggingLineFormat implements BulkFormat<RawLine, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    private final StreamFormatAdapter<String> lines = new StreamFormatAdapter<>(new TextLineInputFormat());

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
        private final Reader<String> inner;
        private final String path;

        Tagging(Reader<String> inner, String path) {
            this.inner = inner;
            this.path = path;
        }

        @Override
        public RecordIterator<RawLine> readBatch() throws IOException {
            RecordIterator<String> batch = inner.readBatch();
            if (batch == null) {
                return null;
            }
            return new RecordIterator<>() {
                @Override
                public RecordAndPosition<RawLine> next() {
                    RecordAndPosition<String> r = batch.next();
                    if (r == null) {
                        return null;
                    }
                    // The skip count is the number of records read before this one: line - 1.
                    long line = r.getRecordSkipCount();
                    return new RecordAndPosition<>(new RawLine(path + ":" + line, r.getRecord()),
                            r.getOffset(), r.getRecordSkipCount());
                }

                @Override
                public void releaseBatch() {
                    batch.releaseBatch();
                }
            };
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
