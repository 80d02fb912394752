package org.t1573.ingest;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/** Flink's file source reading {@link TelemetryLines}: the job's records are the lines of its files. */
final class TelemetryLineFormat extends SimpleStreamFormat<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public Reader<String> createReader(Configuration config, FSDataInputStream stream) {
        TelemetryLines lines = new TelemetryLines(stream);
        return new Reader<>() {
            @Override
            public String read() throws IOException {
                return lines.next();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
