package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** The network patterns, compiled with their defaults, against hand-built Zeek-like events. */
class NetworkPatternsTest {
    private static final int OPAQUE_FLOW = 0;
    private static final int TLS_HANDSHAKE = 1;

    private static CompiledPattern an0404;
    private static CompiledPattern an1500;
    private static CompiledPattern an0763;

    @BeforeAll
    static void compileNetworkPatterns() throws Exception {
        an0404 = compiled("patterns/network/AN0404.yml");
        an1500 = compiled("patterns/network/AN1500.yml");
        an0763 = compiled("patterns/network/AN0763.yml");
    }

    private static CompiledPattern compiled(String file) throws PatternLoadException {
        PatternDefinition def = PatternLoader.load(Path.of(file));
        return PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
    }

    private static Event session(String action, String ip, int port) {
        Event e = new Event();
        e.action = action;
        e.sessionId = "CAbc123";
        e.sourceIp = "10.0.0.5";
        e.sourcePort = 50000;
        e.destinationIp = ip;
        e.destinationPort = port;
        e.networkTransport = "tcp";
        return e;
    }

    private static Event opaqueFlow(int port) {
        Event e = session("flow", "203.0.113.9", port);
        e.outcome = "success";
        e.bytesOut = 2000L;
        e.bytesIn = 3000L;
        return e;
    }

    private static Event handshake(String ip, int port) {
        Event e = session("tls_handshake", ip, port);
        e.tlsVersion = "TLSv12";
        e.tlsValidationStatus = "ok";
        return e;
    }

    @Test
    void an0404TakesAnOpaqueFlowOnAnUnprofiledPortAndWatchesForItsHandshake() {
        assertThat(an0404.matchesStep(OPAQUE_FLOW, opaqueFlow(4444))).isTrue();
        assertThat(an0404.matchesStep(TLS_HANDSHAKE, handshake("203.0.113.9", 4444))).isTrue();
    }

    @Test
    void an0404IgnoresProfiledPortsNamedProtocolsAndVpnVolumes() {
        Event named = opaqueFlow(4444);
        named.networkProtocol = "http";
        Event bulk = opaqueFlow(4444);
        bulk.bytesIn = 200L * 1024 * 1024;

        assertThat(an0404.matchesStep(OPAQUE_FLOW, opaqueFlow(22))).isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, opaqueFlow(1194))).isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, named)).isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, bulk)).isFalse();
    }

    @Test
    void an0404NeedsAFullViewOfAnOutgoingSessionFromASensorThatNamesSessions() {
        Event midstream = opaqueFlow(4444);
        midstream.outcome = "unknown";
        Event inbound = opaqueFlow(4444);
        inbound.networkDirection = "inbound";
        Event netflow = opaqueFlow(4444);
        netflow.sessionId = null;

        assertThat(an0404.matchesStep(OPAQUE_FLOW, midstream)).isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, inbound)).isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, netflow)).isFalse();
    }

    @Test
    void an1500FlagsRejectedAndSelfIssuedCertificatesEvenOn443() {
        Event selfSigned = handshake("203.0.113.9", 443);
        selfSigned.tlsValidationStatus = "self signed certificate";
        Event unknownCa = handshake("203.0.113.9", 443);
        unknownCa.tlsValidationStatus = null;
        unknownCa.tlsLastAlert = "unknown_ca";
        Event selfIssued = handshake("203.0.113.9", 443);
        selfIssued.x509SelfIssued = true;

        assertThat(an1500.stepMask(selfSigned)).isEqualTo(1);
        assertThat(an1500.stepMask(unknownCa)).isEqualTo(1);
        assertThat(an1500.stepMask(selfIssued)).isEqualTo(1);
    }

    @Test
    void an1500LeavesValidAndMissingIntermediateCertificatesOnProfiledPortsAlone() {
        Event intermediate = handshake("203.0.113.9", 443);
        intermediate.tlsValidationStatus = "unable to get local issuer certificate";

        assertThat(an1500.stepMask(handshake("203.0.113.9", 443))).isZero();
        assertThat(an1500.stepMask(handshake("203.0.113.9", 993))).isZero();
        assertThat(an1500.stepMask(intermediate)).isZero();
    }

    @Test
    void tlsOnAlternativeHttpsPortsIsFlaggedButAnUnansweredHelloIsNot() {
        Event hello = handshake("203.0.113.9", 8443);
        hello.tlsVersion = null;

        assertThat(an1500.stepMask(handshake("203.0.113.9", 8443))).isEqualTo(1);
        assertThat(an0763.stepMask(handshake("203.0.113.9", 8443))).isEqualTo(1);
        assertThat(an1500.stepMask(hello)).isZero();
        assertThat(an0763.stepMask(hello)).isZero();
    }

    @Test
    void internalServersAreOutOfScopeByDefault() {
        Event internal = handshake("10.1.2.3", 8443);
        internal.tlsValidationStatus = "self signed certificate";

        assertThat(an1500.stepMask(internal)).isZero();
        assertThat(an0763.stepMask(internal)).isZero();
    }

    @Test
    void an0763FlagsUploadHeavySessionsOffTheTlsPortsOnly() {
        Event upload = opaqueFlow(8080);
        upload.networkProtocol = "http";
        upload.bytesOut = 6L * 1024 * 1024;
        upload.bytesIn = 40_000L;
        Event httpsUpload = opaqueFlow(443);
        httpsUpload.bytesOut = upload.bytesOut;
        httpsUpload.bytesIn = upload.bytesIn;
        Event oneWay = opaqueFlow(8080);
        oneWay.bytesOut = upload.bytesOut;
        oneWay.bytesIn = null;

        assertThat(an0763.stepMask(upload)).isEqualTo(1);
        assertThat(an0763.stepMask(httpsUpload)).isZero();
        assertThat(an0763.stepMask(oneWay)).as("NetFlow: no reverse direction").isZero();
    }

    @Test
    void an0404LeavesFlowsWhosePayloadTheSensorDidNotSeeAndTheVendorsEncryptedPorts() {
        Event unseen = opaqueFlow(80);
        unseen.payloadSeen = false;
        Event seen = opaqueFlow(80);
        seen.payloadSeen = true;

        assertThat(an0404.matchesStep(OPAQUE_FLOW, unseen)).isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, seen)).as("seen whole and still unnamed").isTrue();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, opaqueFlow(4070))).as("services/encrypted-ports.csv").isFalse();
        assertThat(an0404.matchesStep(OPAQUE_FLOW, opaqueFlow(443))).as("services/tls-ports.csv").isFalse();
    }

    @Test
    void oneLongOpaqueSessionIsStrongEvidenceAndOneShortOneIsNot() {
        Event interactive = opaqueFlow(1234);
        interactive.durationSeconds = 705.2;
        Event shortOne = opaqueFlow(1234);
        shortOne.durationSeconds = 0.06;

        assertThat(an0404.strongEvidence(interactive)).isTrue();
        assertThat(an0404.strongEvidence(shortOne)).isFalse();
    }

    @Test
    void aSelfIssuedCertificateWithoutServerNameIsStrongEvidenceForAn1500() {
        Event metasploit = handshake("203.0.113.9", 8080);
        metasploit.x509SelfIssued = true;
        Event named = handshake("203.0.113.9", 8080);
        named.x509SelfIssued = true;
        named.tlsServerName = "printer.example";

        assertThat(an1500.strongEvidence(metasploit)).isTrue();
        assertThat(an1500.strongEvidence(named)).isFalse();
        assertThat(an1500.strongEvidence(handshake("203.0.113.9", 8080))).isFalse();
    }

    @Test
    void aLapsedCertificateOfAPublicCaIsNoFindingButOneOfAnUnknownIssuerIs() {
        Event letsEncrypt = handshake("203.0.113.9", 443);
        letsEncrypt.tlsValidationStatus = "certificate has expired";
        letsEncrypt.x509Issuer = "CN=R3,O=Let's Encrypt,C=US";
        Event unknownIssuer = handshake("203.0.113.9", 443);
        unknownIssuer.tlsValidationStatus = "certificate has expired";
        unknownIssuer.x509Issuer = "CN=ops-ca,O=Example Ops";

        assertThat(an1500.stepMask(letsEncrypt)).isZero();
        assertThat(an1500.stepMask(unknownIssuer)).isEqualTo(1);
    }
}
