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
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One digest per thread, reused, instead of a provider lookup and a new instance per record
     * (most Sysmon exports carry no record number, so every record is hashed). {@code digest}
     * resets the instance, so no state carries over between records.
     */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(RecordIds::sha1);

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
        byte[] digest = SHA1.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, HASH_HEX_CHARS / 2);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest Javadoc).
            throw new IllegalStateException(e);
        }
    }
}
