package org.t1573.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.t1573.pattern.ParameterOverride;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;
import picocli.CommandLine.Option;

/** The pattern options every running command shares: which pattern files, which overrides. */
final class PatternOptions {
    @Option(names = {"-p", "--patterns"}, paramLabel = "PATH", description = "Pattern files or directories (default: patterns).")
    List<Path> patterns = new ArrayList<>();

    /** What {@code --set} does, for every command that takes it. */
    static final String SET_HELP = "Override a pattern parameter: Name (every pattern declaring it) or PatternId.Name. "
            + "Name=value replaces the value; for list parameters Name+=items adds and Name-=items removes items "
            + "(an item @file:PATH stands for the entries of that list file). Lists are comma separated. Repeatable.";

    @Option(names = "--set", paramLabel = "Name[+-]=value", converter = SetOptionConverter.class, description = SET_HELP)
    List<ParameterOverride> overrides = new ArrayList<>();

    List<Path> paths() {
        return patterns.isEmpty() ? List.of(Path.of("patterns")) : patterns;
    }

    PatternSet load() throws PatternLoadException {
        return PatternSet.load(paths(), overrides);
    }
}
