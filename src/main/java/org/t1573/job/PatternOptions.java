package org.t1573.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;
import picocli.CommandLine.Option;

/** The pattern options every running command shares: which pattern files, which overrides. */
final class PatternOptions {
    @Option(names = {"-p", "--patterns"}, paramLabel = "PATH", description = "Pattern files or directories (default: patterns).")
    List<Path> patterns = new ArrayList<>();

    @Option(names = "--set", paramLabel = "Name=value",
            description = "Override a pattern parameter: Name (every pattern declaring it) or PatternId.Name. "
                    + "Lists are comma separated. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    List<Path> paths() {
        return patterns.isEmpty() ? List.of(Path.of("patterns")) : patterns;
    }

    PatternSet load() throws PatternLoadException {
        return PatternSet.load(paths(), overrides);
    }
}
