package org.t1573.job;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The optional pattern-directory argument of the commands that work on the whole collection. */
final class PatternDir {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Pattern directory (default: patterns).")
    Path dir = Path.of("patterns");

    /** False, after saying so on stderr, when the directory does not exist. */
    boolean exists(String command) {
        if (!Files.isDirectory(dir)) {
            System.err.println(command + ": no such directory " + dir);
            return false;
        }
        return true;
    }
}
