package org.t1573.pattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list parameter kept in its own file, so engineers maintain blocklists without touching the
 * pattern: a default of {@code @file:blocklists/ja3.csv} is read when the pattern loads, relative
 * to the pattern file. The format is abuse.ch's SSLBL CSV and anything like it: one entry per
 * line, the first comma-separated column is the value, {@code #} starts a comment line.
 */
public final class ListFile {
    /** The prefix that marks a list default as a file reference. */
    public static final String PREFIX = "@file:";

    private ListFile() {}

    public static boolean isReference(String text) {
        return text != null && text.trim().startsWith(PREFIX);
    }

    /** The file a reference names, resolved against {@code dir}. */
    public static Path resolveIn(Path dir, String reference) {
        return dir.resolve(reference.trim().substring(PREFIX.length()).trim()).normalize();
    }

    /** The entries of the file; IllegalArgumentException naming file:line for an unreadable file or an empty entry. */
    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read list file " + file + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String value = unquote(line.split(",", 2)[0].strip());
            if (value.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": the first column is empty");
            }
            out.add(value);
        }
        return List.copyOf(out);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }
}
