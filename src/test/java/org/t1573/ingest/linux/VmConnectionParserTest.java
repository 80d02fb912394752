package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.linux.LinuxParsing.LOG4SHELL;
import static org.t1573.ingest.linux.LinuxParsing.iso;
import static org.t1573.ingest.linux.LinuxParsing.only;
import static org.t1573.ingest.linux.LinuxParsing.parse;
import static org.t1573.ingest.linux.LinuxParsing.parseRealFile;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** VM Insights VMConnection rows of the real Log4Shell capture (5 rows). */
class VmConnectionParserTest {

    private static List<Event> events;

    @BeforeAll
    static void parseCapture() throws Exception {
        events = parseRealFile(new VmConnectionParser(), LOG4SHELL, "vminsights_vmconnection");
    }

    @Test
    void everyRowIsAConnectionWithBytes() {
        assertThat(events).hasSize(5).allSatisfy(e -> {
            assertThat(e.action).isEqualTo("network_connection");
            assertThat(e.bytesOut).isNotNull();
            assertThat(e.bytesIn).isNotNull();
        });
    }

    @Test
    void reverseShellSessionIsClientHeavy() {
        Event e = only(events, x -> "bash".equals(x.processName));

        assertThat(e.id).isEqualTo("941E504EF81D0C4CC953CD48D9B67CC1C25C98A2@2022-05-11T18:09:38.868Z");
        assertThat(e.sessionId).isEqualTo("941E504EF81D0C4CC953CD48D9B67CC1C25C98A2");
        assertThat(e.dataset).isEqualTo("azure.vmconnection");
        assertThat(e.timestamp).isEqualTo(iso("2022-05-11T18:09:38.868Z"));
        assertThat(e.hostName).isEqualTo("UBUNTU5");
        assertThat(e.processEntityId).isEqualTo("UBUNTU5|p-6f36fc14a9f4241ba80328cee5b87ea2290935d7");
        assertThat(e.sourceIp).isEqualTo("192.168.2.5");
        assertThat(e.destinationIp).isEqualTo("192.168.2.6");
        assertThat(e.destinationPort).isEqualTo(443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.outcome).isEqualTo("success");
        assertThat(e.bytesOut).isEqualTo(183L);
        assertThat(e.bytesIn).isEqualTo(8L);
    }

    @Test
    void exploitFetchAndInboundRequestKeepTheirDirections() {
        Event fetch = only(events, e -> Integer.valueOf(8888).equals(e.destinationPort));
        Event request = only(events, e -> "inbound".equals(e.networkDirection));

        assertThat(fetch.processName).isEqualTo("java");
        assertThat(fetch.bytesOut).isEqualTo(218L);
        assertThat(fetch.bytesIn).isEqualTo(1220L);
        assertThat(request.sourceIp).isEqualTo("192.168.2.6");
        assertThat(request.destinationPort).isEqualTo(8080);
    }

    @Test
    void rowWithoutEstablishedLinksHasUnknownOutcome() {
        Event dns = only(events, e -> Integer.valueOf(53).equals(e.destinationPort));

        assertThat(dns.networkTransport).isEqualTo("udp");
        assertThat(dns.outcome).isEqualTo("unknown");
    }

    @Test
    void rowsOfOtherTablesGiveNothing() throws Exception {
        assertThat(parse(new VmConnectionParser(), "{\"Type\":\"VMBoundPort\",\"TimeGenerated\":\"2022-05-11T18:09:38Z\"}"))
                .isEmpty();
    }

    @Test
    void badPortIsRejected() {
        assertThatThrownBy(() -> parse(new VmConnectionParser(),
                "{\"TimeGenerated\":\"2022-05-11T18:09:38Z\",\"DestinationPort\":70000}"))
                .hasMessageContaining("vmconnection: field DestinationPort '70000' is not a port");
    }
}
