package org.t1573.ingest.esxi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsMessagesTest {

    @Test
    void callsHandshakesAndCertificatesAsymmetric() {
        assertThat(TlsMessages.kindOf("SSL Handshake failed: tlsv1 alert unknown ca")).isEqualTo("asymmetric");
        assertThat(TlsMessages.kindOf("Cannot verify SSL thumbprint of 10.0.0.1")).isEqualTo("asymmetric");
        assertThat(TlsMessages.kindOf("The remote host certificate has these problems")).isEqualTo("asymmetric");
    }

    @Test
    void callsStreamEncryptionSymmetric() {
        assertThat(TlsMessages.kindOf("SSLStreamImpl::BIORead (0x1) Connection reset by peer")).isEqualTo("symmetric");
        assertThat(TlsMessages.kindOf("SSL cipher AES256-GCM-SHA384 negotiated")).isEqualTo("symmetric");
    }

    @Test
    void callsOtherSslMessagesTls() {
        assertThat(TlsMessages.kindOf("Using TLS 1.2 for session")).isEqualTo("tls");
    }

    @Test
    void ignoresMessagesAboutOtherThings() {
        assertThat(TlsMessages.kindOf("Event 406 : Guest OS reboot for Kali Linux")).isNull();
        assertThat(TlsMessages.kindOf("User root@10.0.0.5 logged in as Go-http-client/1.1")).isNull();
    }
}
