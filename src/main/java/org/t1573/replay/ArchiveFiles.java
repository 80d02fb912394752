package org.t1573.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.t1573.ingest.InputFileFilter;
import org.t1573.ingest.TelemetryLines;

/** The telemetry files of an archive path, as the job's file input would read them. */
final class ArchiveFiles {
    private static final InputFileFilter FILTER = new InputFileFilter();

    private ArchiveFiles() {}

    /** The file itself, or every telemetry file under the directory, in name order. */
    static List<Path> list(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> path.relativize(p).toString().isEmpty() || allAccepted(path.relativize(p)))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** Every component is checked: a hidden directory hides its files. */
    private static boolean allAccepted(Path relative) {
        for (Path part : relative) {
            if (!FILTER.test(new org.apache.flink.core.fs.Path(part.toString()))) {
                return false;
            }
        }
        return true;
    }

    /** Lines of a plain or gzip ({@code .gz}) file, cut as the job's file input cuts them. */
    static TelemetryLines open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new TelemetryLines(in);
    }
}
