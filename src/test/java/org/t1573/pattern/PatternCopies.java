package org.t1573.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Edited copies of a shipped pattern in a collection of their own, with the list files it reads. */
public final class PatternCopies {
    private static final Path PATTERNS = Path.of("patterns");

    private PatternCopies() {}

    /**
     * Writes {@code dir/windows/<name>}, AN0400 as {@code edit} changes it, beside a copy of
     * {@code patterns/allowlists} (its {@code @file:} references); returns the written file.
     */
    public static Path an0400In(Path dir, String name, UnaryOperator<String> edit) throws IOException {
        Path copy = dir.resolve("windows").resolve(name);
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, edit.apply(Files.readString(PATTERNS.resolve("windows/AN0400.yml"))));
        Path lists = dir.resolve("allowlists");
        Files.createDirectories(lists);
        try (Stream<Path> files = Files.list(PATTERNS.resolve("allowlists"))) {
            for (Path f : files.toList()) {
                Files.copy(f, lists.resolve(f.getFileName().toString()));
            }
        }
        return copy;
    }

    /** The number of the first line of {@code file} that is exactly {@code text}. */
    public static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line " + text);
    }
}
