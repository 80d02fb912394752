package org.t1573.ingest;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.flink.core.fs.Path;

/**
 * Which files under an input directory are telemetry. Skipped: hidden files and directories
 * ({@code .x}, {@code _x}), ground-truth labels ({@code labels.csv}, {@code *.labels.csv}), and
 * what datasets ship beside their logs ({@code README*}, {@code SOURCE.txt}, {@code INDEX.md},
 * {@code *.zip} archives).
 */
public final class InputFileFilter implements Predicate<Path>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean test(Path path) {
        String name = path.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        return !(name.startsWith(".") || name.startsWith("_")
                || lower.equals("labels.csv") || lower.endsWith(".labels.csv") || lower.equals("labels.config")
                || lower.startsWith("readme") || lower.equals("source.txt") || lower.equals("index.md")
                || lower.endsWith(".zip"));
    }
}
