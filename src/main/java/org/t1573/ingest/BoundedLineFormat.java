package org.t1573.ingest;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Flink's file source reading {@link TelemetryLines}: each line kept up to
 * {@link RecordLimit#MAX_CHARS} characters with its whole length, so that a longer one becomes a
 * dead letter without being parsed. The lines have no origin yet.
 */
public class BoundedLineFormat extends SimpleStreamFormat<RawLine> {
    private static final long serialVersionUID = 1L;

    @Override
    public StreamFormat.Reader<RawLine> createReader(Configuration config, FSDataInputStream stream) {
        TelemetryLines lines = new TelemetryLines(stream);
        return new StreamFormat.Reader<>() {
            @Override
            public RawLine read() throws IOException {
                TelemetryLines.Line line = lines.nextLine();
                return line == null ? null : new RawLine(null, line.text(), line.length());
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public TypeInformation<RawLine> getProducedType() {
        return TypeInformation.of(RawLine.class);
    }
}
