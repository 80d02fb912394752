package org.t1573.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The list files of one pattern, or of one value given with {@code --set} or a live update: list
 * parameters kept in their own files, so engineers maintain blocklists without touching the
 * pattern. An item {@code @file:../blocklists/ja3.csv} stands for the entries of that file. The
 * format is abuse.ch's SSLBL CSV and anything like it: one entry per line, the first
 * comma-separated column is the value, {@code #} starts a comment line.
 *
 * <p>Where list files may live: a pattern's references are relative to the pattern's folder and
 * must stay inside its collection, the folder above it ({@code patterns/} for
 * {@code patterns/network/AN1500.yml}, as {@code patterns/<platform>/<ID>.yml} lays them out);
 * other references are relative to, and stay inside, the working directory. A link counts where
 * it leads. Only regular files are read, {@link #MAX_BYTES} in all.
 */
public final class ListFile {
    /** The prefix that marks a list item as a file reference. */
    public static final String PREFIX = "@file:";
    /** The most bytes of list files one pattern or value reads in all; the shipped lists are under 7 KiB together. */
    public static final int MAX_BYTES = 4 << 20;

    private final Path dir;
    private final Path root;
    /** The root as an error names it. */
    private final String rootName;
    private int bytesLeft = MAX_BYTES;

    private ListFile(Path dir, Path root, String rootName) {
        this.dir = dir;
        this.root = root;
        this.rootName = rootName;
    }

    /** The list files of a pattern file: relative to its folder, inside the folder above that. */
    public static ListFile forPattern(Path patternFile) {
        Path folder = patternFile.toAbsolutePath().normalize().getParent();
        Path collection = folder.getParent() == null ? folder : folder.getParent();
        return new ListFile(folder, collection, "the pattern collection " + collection);
    }

    /** The list files of a value given on the command line or in a live update: inside the working directory. */
    public static ListFile inWorkingDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        return new ListFile(cwd, cwd, "the working directory " + cwd);
    }

    public static boolean isReference(String text) {
        return text != null && text.trim().startsWith(PREFIX);
    }

    /** The entries of the file a reference names; IllegalArgumentException naming the file, and line if any. */
    public List<String> read(String reference) {
        Path file = resolve(reference);
        List<String> lines = text(file).lines().toList();
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

    private Path resolve(String reference) {
        Path file = dir.resolve(reference.trim().substring(PREFIX.length()).trim()).normalize();
        // The names first, then the real paths, so that neither ../ nor a link leads out.
        if (!file.startsWith(root) || Files.exists(file) && !realPath(file).startsWith(realPath(root))) {
            throw new IllegalArgumentException("list file " + file + " lies outside " + rootName);
        }
        return file;
    }

    private String text(Path file) {
        try {
            byte[] bytes = SmallTextFiles.bytes(file, MAX_BYTES);
            if (bytes.length > bytesLeft) {
                throw cannotRead(file, "the list files of one pattern or value hold more than " + MAX_BYTES
                        + " bytes in all");
            }
            bytesLeft -= bytes.length;
            return SmallTextFiles.utf8(bytes);
        } catch (IOException e) {
            throw cannotRead(file, e.getMessage());
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw cannotRead(p, e.getMessage());
        }
    }

    private static IllegalArgumentException cannotRead(Path file, String reason) {
        return new IllegalArgumentException("cannot read list file " + file + ": " + reason);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }
}
