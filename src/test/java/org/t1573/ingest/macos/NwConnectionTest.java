package org.t1573.ingest.macos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NwConnectionTest {

    @Test
    void readsAnIpv4DescriptorWithTransportAndTls() {
        NwConnection c = NwConnection.find("[C12 17.57.146.52:5223 tcp, bundle id: com.apple.apsd, tls, definite,"
                + " attribution: developer] start");

        assertThat(c).isEqualTo(new NwConnection("12", "17.57.146.52", null, 5223, "tcp", true));
    }

    @Test
    void readsTheConnectionNumberOfASubFlow() {
        NwConnection c = NwConnection.find("nw_flow_connected [C3.1.1 203.0.113.9:8443 in_progress channel-flow"
                + " (satisfied (Path is satisfied), interface: en0)] Transport protocol connected (tcp)");

        assertThat(c.connectionId()).isEqualTo("3");
        assertThat(c.ip()).isEqualTo("203.0.113.9");
        assertThat(c.port()).isEqualTo(8443);
    }

    @Test
    void readsAnIpv6EndpointWrittenWithADotBeforeThePort() {
        NwConnection c = NwConnection.find("[C4 2001:db8:0:0::1.443 tcp, tls] start");

        assertThat(c.ip()).isEqualTo("2001:db8::1");
        assertThat(c.port()).isEqualTo(443);
    }

    @Test
    void readsAHostNameEndpointAsTheDomain() {
        NwConnection c = NwConnection.find("[C7 Updates.Example.com:443 tcp, url: https://updates.example.com/] start");

        assertThat(c.domain()).isEqualTo("updates.example.com");
        assertThat(c.ip()).isNull();
        assertThat(c.tls()).isFalse();
    }

    @Test
    void keepsOnlyThePortOfARedactedEndpoint() {
        NwConnection c = NwConnection.find("[C2 IPv4#5cbbb0a8:443 tcp, tls] start");

        assertThat(c).isEqualTo(new NwConnection("2", null, null, 443, "tcp", true));
    }

    @Test
    void readsConnectedToMessages() {
        NwConnection c = NwConnection.find("Connected to 198.51.100.7:9443");

        assertThat(c).isEqualTo(new NwConnection(null, "198.51.100.7", null, 9443, null, false));
    }

    @Test
    void findsNothingInAMessageWithoutAnEndpoint() {
        assertThat(NwConnection.find("nw_path_necp_check_for_updates Failed to copy updated result (22)")).isNull();
        assertThat(NwConnection.find("nw_connection_report_state_with_handler_on_nw_queue [C12] reporting state ready"))
                .isNull();
        assertThat(NwConnection.find("Connection to the server was lost")).isNull();
    }
}
