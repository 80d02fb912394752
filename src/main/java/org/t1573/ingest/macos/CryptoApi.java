package org.t1573.ingest.macos;

import java.util.regex.Pattern;
import org.t1573.event.CryptoKind;

/**
 * Tells unified-log entries that record crypto API use, and of which kind. An entry counts when
 * a crypto library logged it (its sender image: CommonCrypto, corecrypto, boringssl, the Security
 * framework) or it belongs to a Security subsystem ({@code com.apple.security*}); the kind comes
 * from the API or algorithm the message names, else from what the library does by default.
 */
final class CryptoApi {

    static final String SYMMETRIC = CryptoKind.SYMMETRIC.value();
    static final String ASYMMETRIC = CryptoKind.ASYMMETRIC.value();
    static final String TLS = CryptoKind.TLS.value();

    /** Public-key APIs and algorithms; checked first, since a hybrid call (RSA-OAEP with AES-GCM) is a SecKey call. */
    private static final Pattern ASYMMETRIC_WORDS = Pattern.compile(
            "SecKey|SecTrust|SecCertificate|RSA|EC(?:DSA|DH|IES)|Ed25519|Curve25519|[Aa]symmetric"
                    + "|[Pp]ublic[ -]key|[Pp]rivate[ -]key|[Cc]ertificate|X\\.?509|x509");
    private static final Pattern SYMMETRIC_WORDS = Pattern.compile(
            "CCCrypt|AES|3DES|TripleDES|(?<![A-Za-z])DES(?![A-Za-z])|RC4|Blowfish|ChaCha20|[Ss]ymmetric");
    /** TLS wording in com.apple.network messages that name no endpoint. */
    private static final Pattern TLS_WORDS = Pattern.compile("(?i)\\btls|boringssl|handshake|\\bssl\\b");

    /** The crypto libraries by the last part of the sender image path, with their default kind. */
    private enum Library {
        COMMON_CRYPTO("libcommonCrypto.dylib", SYMMETRIC),
        CORECRYPTO("libcorecrypto.dylib", null),
        BORINGSSL("libboringssl.dylib", TLS),
        SECURITY_FRAMEWORK("Security", null);

        final String image;
        final String defaultKind;

        Library(String image, String defaultKind) {
            this.image = image;
            this.defaultKind = defaultKind;
        }

        static Library of(String senderImage) {
            for (Library l : values()) {
                if (l.image.equals(senderImage)) {
                    return l;
                }
            }
            return null;
        }
    }

    /** A crypto API use: the kind, null when neither the message nor the library tells. */
    record Use(String kind) {}

    private CryptoApi() {}

    /**
     * The crypto use an entry records by its sender or subsystem, or null for none; the kind is
     * the one the message names, else the library's usual one.
     */
    static Use bySender(String senderImage, String subsystem, String message) {
        Library library = Library.of(senderImage);
        if (library == null && !subsystem.startsWith("com.apple.security")) {
            return null;
        }
        return new Use(kindOf(message, library == null ? null : library.defaultKind));
    }

    /** A com.apple.network message about TLS that is not a connection to an endpoint, or null. */
    static Use tlsMessage(String category, String message) {
        return "boringssl".equals(category) || TLS_WORDS.matcher(message).find() ? new Use(TLS) : null;
    }

    private static String kindOf(String text, String fallback) {
        if (ASYMMETRIC_WORDS.matcher(text).find()) {
            return ASYMMETRIC;
        }
        if (SYMMETRIC_WORDS.matcher(text).find()) {
            return SYMMETRIC;
        }
        return fallback;
    }
}
