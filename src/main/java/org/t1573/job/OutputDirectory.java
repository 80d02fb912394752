package org.t1573.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run writes, checked before the job starts: the directory is created and a file is
 * written and removed in it, so that a long run cannot end with its results nowhere to go.
 */
final class OutputDirectory {
    private OutputDirectory() {}

    /** Creates {@code dir} and probes it; IllegalArgumentException naming {@code option} and the cause otherwise. */
    static void check(String option, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".t1573-write-probe", ".tmp"));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot write there (" + why(e) + ")");
        }
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " is a file";
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.toString();
    }
}
