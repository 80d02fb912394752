package org.t1573.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.t1573.ingest.network.ParsedFile.ZEEK;
import static org.t1573.ingest.network.ParsedFile.to;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/**
 * Every Zeek log of the four real sets: the record counts of INDEX.md per log type, no dead
 * letters, and the documented C2 sessions field by field.
 */
class ZeekRealLogsTest {

    private static final Path APT29 = ZEEK.resolve("otrf_apt29_day1_zeek");
    private static final Path LSASS = ZEEK.resolve("otrf_lsass_campaign_01_zeek");
    private static final Path RITA = ZEEK.resolve("rita_proxy_beacon");
    private static final Path STRATO = ZEEK.resolve("stratosphere_010_benign_windows");

    private static ParsedFile read(Path... files) {
        return ParsedFile.read(new ZeekRecordParser(), files);
    }

    /** All logs of a set in one reader, so header state must carry from file to file correctly. */
    private static ParsedFile readSet(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return read(files.filter(p -> p.getFileName().toString().contains(".log")).sorted().toArray(Path[]::new));
        }
    }

    @Test
    void apt29JsonLogsGiveOneEventPerConnSslAndX509RecordAndNothingForHttp() throws IOException {
        ParsedFile set = readSet(APT29);

        assertThat(set.deadLetters()).isEmpty();
        assertThat(set.countsByDataset()).isEqualTo(Map.of(
                "zeek.conn", 479L + 134L, "zeek.ssl", 376L + 2L, "zeek.x509", 376L + 2L));
    }

    @Test
    void lsassTsvLogsGiveConnSslAndX509AndIgnoreTheOtherNineLogs() throws IOException {
        ParsedFile set = readSet(LSASS);

        assertThat(set.deadLetters()).isEmpty();
        assertThat(set.countsByDataset()).isEqualTo(Map.of("zeek.conn", 112L, "zeek.ssl", 5L, "zeek.x509", 1L));
    }

    @Test
    void ritaTsvLogsGiveConnSslAndX509AndIgnoreDnsAndHttp() throws IOException {
        ParsedFile set = readSet(RITA);

        assertThat(set.deadLetters()).isEmpty();
        assertThat(set.countsByDataset()).isEqualTo(Map.of("zeek.conn", 463L, "zeek.ssl", 407L, "zeek.x509", 173L));
    }

    @Test
    void stratosphereLabelledLogsAreReadDespiteTheirExtraLabelColumns() throws IOException {
        ParsedFile set = readSet(STRATO);

        assertThat(set.deadLetters()).isEmpty();
        assertThat(set.countsByDataset()).isEqualTo(Map.of("zeek.conn", 5347L, "zeek.ssl", 1039L));
    }

    @Test
    void lsassMeterpreterHandshakesHaveNoSniAndLinkTheSelfSignedCertificate() {
        ParsedFile ssl = read(LSASS.resolve("ssl.log"));
        List<Event> c2 = ssl.where(to("10.0.5.13", 8080));

        assertThat(c2).hasSize(5).allSatisfy(e -> {
            assertThat(e.tlsServerName).isNull();
            assertThat(e.action).isEqualTo("tls_handshake");
        });
        Event first = ssl.byId("zeek.ssl:C6lHTD1NEfitEA9vDc");
        assertThat(first.timestamp).isEqualTo(1692161674667L);
        assertThat(first.dataset).isEqualTo("zeek.ssl");
        assertThat(first.category).isEqualTo("network");
        assertThat(first.provider).isEqualTo("zeek");
        assertThat(first.sessionId).isEqualTo("C6lHTD1NEfitEA9vDc");
        assertThat(first.sourceIp).isEqualTo("192.168.1.41");
        assertThat(first.sourcePort).isEqualTo(51129);
        assertThat(first.networkTransport).as("ssl.log does not tell TLS from DTLS").isNull();
        assertThat(first.tlsVersion).isEqualTo("TLSv12");
        assertThat(first.tlsCipher).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(first.tlsEstablished).isFalse();
        assertThat(first.outcome).as("not established, no alert: one-sided capture").isEqualTo("unknown");
        assertThat(first.tlsLastAlert).isNull();
        assertThat(first.tlsJa3).as("this sensor had no ja3 script").isNull();
        assertThat(first.certificateId).isEqualTo("b765518127e58d334a3596a6572a09fa727d59c86214c4eb8f499a141ac15579");
        assertThat(first.x509Subject).isNull();
        assertThat(first.x509SelfIssued).isNull();
        assertThat(ssl.byId("zeek.ssl:Caouhg4LvdkWVjy8p").certificateId).as("cert_chain_fps '-'").isNull();
    }

    @Test
    void lsassCertificateIsTheSelfSignedProsaccoSonsCertificate() {
        Event cert = read(LSASS.resolve("x509.log")).events().get(0);

        assertThat(cert.action).isEqualTo("certificate");
        assertThat(cert.dataset).isEqualTo("zeek.x509");
        assertThat(cert.timestamp).isEqualTo(1692161674667L);
        assertThat(cert.certificateId).isEqualTo("b765518127e58d334a3596a6572a09fa727d59c86214c4eb8f499a141ac15579");
        assertThat(cert.x509Subject).isEqualTo("emailAddress=quantify@prosacco.sons.com,CN=prosacco.sons.com,"
                + "OU=quantify,O=Prosacco and Sons,ST=MA,C=US");
        assertThat(cert.x509Issuer).isEqualTo(cert.x509Subject);
        assertThat(cert.x509SelfIssued).isTrue();
        assertThat(cert.x509NotBefore).isEqualTo(1642247370000L);
        assertThat(cert.x509NotAfter).isEqualTo(1926071370000L);
        assertThat(cert.x509KeyLength).isEqualTo(2048L);
        assertThat(cert.sessionId).as("x509.log has no session link").isNull();
        assertThat(cert.sourceIp).isNull();
    }

    @Test
    void lsassOneSidedConnRecordsKeepResponderBytesAndAnUnknownOutcome() {
        ParsedFile conn = read(LSASS.resolve("conn.log"));
        Event e = conn.byId("zeek.conn:CwPdEL3GjlTuYf5iAd");

        assertThat(conn.where(to("10.0.5.13", 8080))).hasSize(6);
        assertThat(e.action).isEqualTo("flow");
        assertThat(e.timestamp).isEqualTo(1692161685433L);
        assertThat(e.sessionId).isEqualTo("CwPdEL3GjlTuYf5iAd");
        assertThat(e.sourceIp).isEqualTo("192.168.1.41");
        assertThat(e.sourcePort).isEqualTo(51130);
        assertThat(e.destinationIp).isEqualTo("10.0.5.13");
        assertThat(e.destinationPort).isEqualTo(8080);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkProtocol).as("service '-'").isNull();
        assertThat(e.durationSeconds).isEqualTo(0.686877);
        assertThat(e.bytesOut).isZero();
        assertThat(e.bytesIn).isEqualTo(204532L);
        assertThat(e.packetsOut).isZero();
        assertThat(e.packetsIn).isEqualTo(145L);
        assertThat(e.connectionState).isEqualTo("SHR");
        assertThat(e.outcome).isEqualTo("unknown");
        assertThat(e.networkDirection).as("local_orig T, local_resp T").isNull();
    }

    @Test
    void apt29NashuaC2SessionsCarryJa3AndTheSelfSignedVerdict() {
        ParsedFile ssl = read(APT29.resolve("NASHUA_ssl.log"));
        List<Event> c2 = ssl.where(to("192.168.0.4", 8443));

        assertThat(c2).hasSize(376).allSatisfy(e -> {
            assertThat(e.tlsJa3).isEqualTo("e0fe397a5edfba9a6facc7c7b341f4eb");
            assertThat(e.tlsJa3s).isEqualTo("e35df3e00ca4ef31d42b34bebaa2f86e");
            assertThat(e.tlsValidationStatus).isEqualTo("self signed certificate");
            assertThat(e.x509SelfIssued).isTrue();
            assertThat(e.sourceIp).isEqualTo("10.0.1.6");
        });
        Event first = ssl.byId("zeek.ssl:CpnezL3085IfcJzSAe");
        assertThat(first.timestamp).isEqualTo(1588207244736L);
        assertThat(first.sourcePort).isEqualTo(57091);
        assertThat(first.tlsVersion).isEqualTo("TLSv12");
        assertThat(first.tlsCipher).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(first.tlsServerName).isEqualTo("192.168.0.4");
        assertThat(first.tlsEstablished).isTrue();
        assertThat(first.outcome).isEqualTo("success");
        assertThat(first.x509Subject).isEqualTo("emailAddress=synthesize@rempel.group.net,CN=rempel.group.net,"
                + "OU=synthesize,O=Rempel Group,ST=SC,C=US");
        assertThat(first.x509Sha1).isEqualTo("d9105746ea023ecdc6a47e7b4d026d5308525b8c");
        assertThat(first.certificateId).isEqualTo("F1v6sJmRC73GU6WT3");
    }

    @Test
    void apt29FlattenedJsonNamesAndDecimalTimestampsAreRead() {
        ParsedFile conn = read(APT29.resolve("NASHUA_conn.log"));
        Event e = conn.byId("zeek.conn:CJ21Le4zsTUcyKKi98");

        assertThat(conn.where(to("192.168.0.4", 8443))).hasSize(376);
        assertThat(e.timestamp).as("1588205199.827696 s").isEqualTo(1588205199827L);
        assertThat(e.sourceIp).isEqualTo("10.0.1.6");
        assertThat(e.sourcePort).isEqualTo(56880);
        assertThat(e.destinationIp).isEqualTo("10.0.0.4");
        assertThat(e.destinationPort).isEqualTo(445);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkProtocol).isEqualTo("gssapi,smb,krb");
        assertThat(e.durationSeconds).isEqualTo(10.761076927185059);
        assertThat(e.bytesOut).isEqualTo(4020L);
        assertThat(e.bytesIn).isEqualTo(1681L);
        assertThat(e.packetsOut).isEqualTo(12L);
        assertThat(e.packetsIn).isEqualTo(11L);
        assertThat(e.connectionState).isEqualTo("RSTO");
        assertThat(e.outcome).isEqualTo("success");
        assertThat(e.networkDirection).as("no local_orig in this log").isNull();
    }

    @Test
    void apt29CertificateRecordsUseTheFileIdAsLink() {
        Event cert = read(APT29.resolve("NASHUA_x509.log")).byId("zeek.x509:F1v6sJmRC73GU6WT3");

        assertThat(cert.certificateId).isEqualTo("F1v6sJmRC73GU6WT3");
        assertThat(cert.timestamp).isEqualTo(1588207244736L);
        assertThat(cert.x509SelfIssued).isTrue();
        assertThat(cert.x509NotBefore).isEqualTo(1470462331000L);
        assertThat(cert.x509NotAfter).isEqualTo(1722750331000L);
        assertThat(cert.x509KeyLength).isEqualTo(2048L);
    }

    @Test
    void ritaProxiedBeaconHandshakesNameTheC2DomainAndTheClientsUnknownCaAlert() {
        ParsedFile ssl = read(RITA.resolve("ssl.log"));
        Map<String, List<Event>> byName = ssl.events().stream()
                .collect(Collectors.groupingBy(e -> String.valueOf(e.tlsServerName)));

        assertThat(byName.keySet()).containsExactlyInAnyOrder("www.honestimnotevil.com", "www.google.com");
        assertThat(byName.get("www.honestimnotevil.com")).hasSize(397).allSatisfy(e -> {
            assertThat(e.destinationIp).isEqualTo("10.136.0.16");
            assertThat(e.destinationPort).isEqualTo(3128);
            assertThat(e.tlsLastAlert).isEqualTo("unknown_ca");
            assertThat(e.tlsEstablished).isFalse();
            assertThat(e.outcome).as("the client rejected the certificate").isEqualTo("failure");
        });
        assertThat(byName.get("www.google.com")).hasSize(10)
                .allSatisfy(e -> assertThat(e.tlsEstablished).isTrue());
        Event google = ssl.byId("zeek.ssl:CXHB1X22027MRWU6D");
        assertThat(google.tlsVersion).isEqualTo("TLSv13");
        assertThat(google.tlsJa3).isEqualTo("456523fc94726331a4d5a2e1d40b2cd7");
        assertThat(google.tlsJa3s).isEqualTo("907bf3ecef1c987c889946b737b43de8");
        assertThat(google.certificateId).as("TLS 1.3: certificates encrypted").isNull();
    }

    @Test
    void ritaConnOfAProxiedSessionPrecedesItsHandshake() {
        Event conn = read(RITA.resolve("conn.log")).byId("zeek.conn:CXHB1X22027MRWU6D");
        Event ssl = read(RITA.resolve("ssl.log")).byId("zeek.ssl:CXHB1X22027MRWU6D");

        assertThat(conn.networkProtocol).isEqualTo("http,ssl");
        assertThat(conn.bytesOut).isEqualTo(1030L);
        assertThat(conn.bytesIn).isEqualTo(20275L);
        assertThat(conn.networkDirection).isNull();
        assertThat(conn.timestamp).isLessThanOrEqualTo(ssl.timestamp);
    }

    @Test
    void stratosphereConnRecordsHaveADirectionFromLocalOrigAndLocalResp() {
        Event e = read(STRATO.resolve("conn.log.labeled")).byId("zeek.conn:CHo14g2A86e0zO87V3");

        assertThat(e.timestamp).isEqualTo(1655157610743L);
        assertThat(e.sourceIp).isEqualTo("167.94.146.67");
        assertThat(e.destinationPort).isEqualTo(2052);
        assertThat(e.connectionState).isEqualTo("S0");
        assertThat(e.outcome).isEqualTo("failure");
        assertThat(e.networkDirection).as("local_orig F, local_resp T").isEqualTo("inbound");
        assertThat(e.bytesOut).isZero();
        assertThat(e.packetsOut).isEqualTo(2L);
        assertThat(e.packetsIn).isZero();
    }

    @Test
    void aConnectionPickedUpMidstreamHasAnUnknownOutcomeWhateverItsState() {
        Event e = read(STRATO.resolve("conn.log.labeled")).byId("zeek.conn:CYzmF149avb9bFzX6c");

        assertThat(e.connectionState).isEqualTo("RSTO");
        assertThat(e.outcome).as("history hDaAR: no SYN seen").isEqualTo("unknown");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.bytesOut).isEqualTo(2608L);
        assertThat(e.bytesIn).isEqualTo(2098L);
    }
}
