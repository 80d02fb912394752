package org.t1573.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** EVE flow and tls records on inline fixtures shaped like Suricata 7 output. */
class SuricataEveParserTest {

    private static final String FLOW = "{\"timestamp\":\"2023-05-01T10:05:00.000000+0000\",\"flow_id\":1234567890123456,"
            + "\"in_iface\":\"eth0\",\"event_type\":\"flow\",\"src_ip\":\"10.0.0.5\",\"src_port\":51515,"
            + "\"dest_ip\":\"203.0.113.9\",\"dest_port\":8443,\"proto\":\"TCP\",\"app_proto\":\"tls\","
            + "\"flow\":{\"pkts_toserver\":20,\"pkts_toclient\":18,\"bytes_toserver\":3100,\"bytes_toclient\":9800,"
            + "\"start\":\"2023-05-01T10:00:00.500000+0000\",\"end\":\"2023-05-01T10:04:30.750000+0000\","
            + "\"age\":270,\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":false}}";
    private static final String TLS = "{\"timestamp\":\"2023-05-01T10:00:00.620000+0000\",\"flow_id\":1234567890123456,"
            + "\"event_type\":\"tls\",\"src_ip\":\"10.0.0.5\",\"src_port\":51515,\"dest_ip\":\"203.0.113.9\","
            + "\"dest_port\":8443,\"proto\":\"TCP\",\"tls\":{\"subject\":\"CN=rempel.group.net\","
            + "\"issuerdn\":\"CN=rempel.group.net\",\"serial\":\"7E:FD:E1\",\"fingerprint\":\"d9:10:57:46:ea:02\","
            + "\"sni\":\"updates.example.net\",\"version\":\"TLS 1.2\",\"notbefore\":\"2016-08-06T05:45:31\","
            + "\"notafter\":\"2024-08-04T05:45:31\",\"ja3\":{\"hash\":\"e0fe397a5edfba9a6facc7c7b341f4eb\","
            + "\"string\":\"771,49196-49195,0-10-11,29-23,0\"},\"ja3s\":{\"hash\":\"e35df3e00ca4ef31d42b34bebaa2f86e\"}}}";

    private final SuricataEveParser parser = new SuricataEveParser();

    private List<Event> parse(String line) throws MalformedRecordException {
        return ParsedFile.parseLines(parser, line);
    }

    @Test
    void flowRecordIsAFlowAtItsStartWithBothDirections() throws Exception {
        Event e = parse(FLOW).get(0);

        assertThat(e.action).isEqualTo("flow");
        assertThat(e.dataset).isEqualTo("suricata.flow");
        assertThat(e.id).isEqualTo("suricata.flow:1234567890123456");
        assertThat(e.sessionId).isEqualTo("1234567890123456");
        assertThat(e.timestamp).as("flow.start").isEqualTo(1_682_935_200_500L);
        assertThat(e.durationSeconds).isEqualTo(270.25);
        assertThat(e.sourceIp).isEqualTo("10.0.0.5");
        assertThat(e.sourcePort).isEqualTo(51515);
        assertThat(e.destinationIp).isEqualTo("203.0.113.9");
        assertThat(e.destinationPort).isEqualTo(8443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkProtocol).isEqualTo("tls");
        assertThat(e.bytesOut).isEqualTo(3100L);
        assertThat(e.bytesIn).isEqualTo(9800L);
        assertThat(e.packetsOut).isEqualTo(20L);
        assertThat(e.packetsIn).isEqualTo(18L);
        assertThat(e.connectionState).isEqualTo("closed");
        assertThat(e.outcome).as("answered and past 'new'").isEqualTo("success");
        assertThat(e.payloadBytes).isNull();
    }

    @Test
    void tlsRecordIsAHandshakeOfTheSameSession() throws Exception {
        Event e = parse(TLS).get(0);

        assertThat(e.action).isEqualTo("tls_handshake");
        assertThat(e.dataset).isEqualTo("suricata.tls");
        assertThat(e.sessionId).isEqualTo("1234567890123456");
        assertThat(e.timestamp).isEqualTo(1_682_935_200_620L);
        assertThat(e.tlsServerName).isEqualTo("updates.example.net");
        assertThat(e.tlsVersion).isEqualTo("TLS 1.2");
        assertThat(e.tlsJa3).isEqualTo("e0fe397a5edfba9a6facc7c7b341f4eb");
        assertThat(e.tlsJa3s).isEqualTo("e35df3e00ca4ef31d42b34bebaa2f86e");
        assertThat(e.x509Subject).isEqualTo("CN=rempel.group.net");
        assertThat(e.x509Issuer).isEqualTo("CN=rempel.group.net");
        assertThat(e.x509SelfIssued).isTrue();
        assertThat(e.x509Sha1).isEqualTo("d9105746ea02");
        assertThat(e.x509NotBefore).isEqualTo(1_470_462_331_000L);
        assertThat(e.x509NotAfter).isEqualTo(1_722_750_331_000L);
        assertThat(e.destinationPort).isEqualTo(8443);
    }

    @Test
    void flowFailedProtocolDetectionMeansNoProtocolAndPayloadKeepsItsLength() throws Exception {
        // "AAECAwQ=" is five bytes.
        Event e = parse(FLOW.replace("\"app_proto\":\"tls\"", "\"app_proto\":\"failed\",\"payload\":\"AAECAwQ=\""))
                .get(0);

        assertThat(e.networkProtocol).isNull();
        assertThat(e.payloadBytes).isEqualTo(5L);
    }

    @Test
    void payloadGivesItsEntropyAndASensorEntropyIsPassedThrough() throws Exception {
        // "AAECAwQ=" is the five distinct bytes 0..4: log2(5) bits per byte.
        Event sampled = parse(FLOW.replace("\"app_proto\":\"tls\"", "\"payload\":\"AAECAwQ=\"")).get(0);
        Event reported = parse(FLOW.replace("\"app_proto\":\"tls\"", "\"payload_entropy\":7.91")).get(0);

        assertThat(sampled.payloadEntropy).isCloseTo(Math.log(5) / Math.log(2), within(1e-9));
        assertThat(reported.payloadEntropy).isEqualTo(7.91);
        assertThat(parse(FLOW).get(0).payloadEntropy).isNull();
    }

    @Test
    void otherEventTypesGiveNothing() throws Exception {
        assertThat(parse("{\"timestamp\":\"2023-05-01T10:00:00.000000+0000\",\"event_type\":\"dns\","
                + "\"src_ip\":\"10.0.0.5\",\"dest_ip\":\"10.0.0.1\"}")).isEmpty();
        assertThat(parse("{\"timestamp\":\"2023-05-01T10:00:00.000000+0000\",\"event_type\":\"stats\"}")).isEmpty();
    }

    @Test
    void recordsWithoutEventTypeOrWithBadPayloadAreMalformed() {
        assertThatThrownBy(() -> parse("{\"timestamp\":\"2023-05-01T10:00:00Z\"}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("event_type");
        assertThatThrownBy(() -> parse(FLOW.replace("\"app_proto\":\"tls\"", "\"payload\":\"%%%\"")))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not base64");
    }
}
