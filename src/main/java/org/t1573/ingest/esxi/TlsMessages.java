package org.t1573.ingest.esxi;

import java.util.regex.Pattern;
import org.t1573.event.CryptoKind;

/**
 * Which daemon messages record SSL/TLS work, and its kind (see {@code crypto.kind}): the
 * handshake, certificates and thumbprints are the asymmetric part; the encrypted stream (SSL
 * stream reads and writes, ciphers) the symmetric part; other SSL/TLS messages are "tls".
 */
final class TlsMessages {

    private static final Pattern TLS = Pattern.compile(
            "(?i)\\bssl|\\btls|handshake|certificate|\\bx\\.?509|thumbprint|\\bcipher");
    private static final Pattern ASYMMETRIC = Pattern.compile(
            "(?i)handshake|certificate|\\bx\\.?509|thumbprint|\\brsa\\b|public key");
    private static final Pattern SYMMETRIC = Pattern.compile(
            "(?i)SSLStream|SSL_(?:read|write)|\\bcipher|\\baes|encrypt|decrypt");

    private TlsMessages() {}

    /** The crypto kind of an SSL/TLS message, or null for a message that is not about SSL/TLS. */
    static String kindOf(String message) {
        if (!TLS.matcher(message).find()) {
            return null;
        }
        if (ASYMMETRIC.matcher(message).find()) {
            return CryptoKind.ASYMMETRIC.value();
        }
        return SYMMETRIC.matcher(message).find() ? CryptoKind.SYMMETRIC.value() : CryptoKind.TLS.value();
    }
}
