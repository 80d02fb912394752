package org.t1573.ingest.windows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable event ids: the source's own record number scoped by its host ("HOST:12345"), or, for
 * sources without one, a hash of the record so a replay of the same record gets the same id.
 */
final class RecordIds {

    private static final int HASH_HEX_CHARS = 16;

    private RecordIds() {}

    /**
     * {@code scope:number} when the record has a number (scope omitted if unknown), otherwise
     * the first 16 hex digits of the SHA-1 of the record text (trailing blanks ignored).
     */
    static String of(String scope, String number, String record) {
        if (number != null) {
            return scope == null ? number : scope + ':' + number;
        }
        return hash(record.strip());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest Javadoc).
            throw new IllegalStateException(e);
        }
    }
}
