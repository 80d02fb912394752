package org.t1573.ingest.macos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoApiTest {

    @Test
    void callsCommonCryptoSymmetricByDefault() {
        assertThat(CryptoApi.bySender("libcommonCrypto.dylib", "", "CCCryptorCreate: kCCAlgorithmAES128").kind())
                .isEqualTo(CryptoApi.SYMMETRIC);
        assertThat(CryptoApi.bySender("libcommonCrypto.dylib", "", "cryptor created").kind())
                .isEqualTo(CryptoApi.SYMMETRIC);
    }

    @Test
    void namesPublicKeyApisAsymmetricEvenInAHybridCall() {
        assertThat(CryptoApi.bySender("Security", "com.apple.security",
                "SecKeyCreateEncryptedData kSecKeyAlgorithmRSAEncryptionOAEPSHA256AESGCM").kind())
                .isEqualTo(CryptoApi.ASYMMETRIC);
    }

    @Test
    void leavesTheKindUnsetWhenNeitherMessageNorLibraryTells() {
        assertThat(CryptoApi.bySender("Security", "com.apple.securityd", "Failed to talk to secd after 4 attempts."))
                .isEqualTo(new CryptoApi.Use(null));
    }

    @Test
    void countsSecuritySubsystemsWhateverTheSender() {
        assertThat(CryptoApi.bySender("trustd", "com.apple.securityd", "SecTrustEvaluateIfNecessary").kind())
                .isEqualTo(CryptoApi.ASYMMETRIC);
    }

    @Test
    void callsBoringsslTls() {
        assertThat(CryptoApi.bySender("libboringssl.dylib", "com.apple.network",
                "boringssl_context_info_handler(2072) [C5.1.1:2][0x7f8] Client handshake done").kind())
                .isEqualTo(CryptoApi.TLS);
    }

    @Test
    void doesNotMistakeWordsContainingDesForDes() {
        assertThat(CryptoApi.bySender("libcorecrypto.dylib", "", "DESCRIPTOR modes updated").kind()).isNull();
        assertThat(CryptoApi.bySender("libcorecrypto.dylib", "", "ccdes: DES key schedule").kind())
                .isEqualTo(CryptoApi.SYMMETRIC);
    }

    @Test
    void ignoresOtherSenders() {
        assertThat(CryptoApi.bySender("CoreData", "com.apple.coredata", "AES is mentioned")).isNull();
    }

    @Test
    void readsTlsWordingInNetworkMessages() {
        assertThat(CryptoApi.tlsMessage("connection", "TLS handshake failed [C9:1]")).isEqualTo(new CryptoApi.Use("tls"));
        assertThat(CryptoApi.tlsMessage("boringssl", "session resumed")).isEqualTo(new CryptoApi.Use("tls"));
        assertThat(CryptoApi.tlsMessage("", "nw_path_necp_check_for_updates Failed")).isNull();
    }
}
