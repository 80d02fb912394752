package org.t1573.pattern;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files a pattern set names (pattern files, list files) only if they are regular files
 * of bounded size: a device such as {@code /dev/zero}, a pipe or a huge file would fill the heap
 * before any check on the text could run.
 */
public final class SmallTextFiles {
    private SmallTextFiles() {}

    /** The file as UTF-8 text; IOException with the reason when missing, not regular, over maxBytes or not UTF-8. */
    public static String read(Path file, int maxBytes) throws IOException {
        return utf8(bytes(file, maxBytes));
    }

    /** The bytes of a regular file of at most maxBytes; IOException with the reason otherwise. */
    static byte[] bytes(Path file, int maxBytes) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded by reading, not by the size seen above: the file may grow in between.
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new IOException("larger than " + maxBytes + " bytes");
        }
        return bytes;
    }

    /** Strict UTF-8: a file in another encoding is an error, not text with replacement characters. */
    static String utf8(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }
}
