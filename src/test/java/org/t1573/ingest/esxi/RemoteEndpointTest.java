package org.t1573.ingest.esxi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteEndpointTest {

    @Test
    void readsConnectionTo() {
        assertThat(RemoteEndpoint.find("Connection to 203.0.113.9:8443 established"))
                .isEqualTo(new RemoteEndpoint("203.0.113.9", null, 8443));
    }

    @Test
    void readsVmwareConnectionSpecs() {
        assertThat(RemoteEndpoint.find("[ConnectComplete] Connected to <cs p:00000012, TCP:198.51.100.4:902>, local"))
                .isEqualTo(new RemoteEndpoint("198.51.100.4", null, 902));
    }

    @Test
    void readsUrlsWithTheSchemeDefaultPort() {
        assertThat(RemoteEndpoint.find("Fetching https://hostupdate.vmware.com/software/VUM/PRODUCTION/main/x.xml"))
                .isEqualTo(new RemoteEndpoint(null, "hostupdate.vmware.com", 443));
        assertThat(RemoteEndpoint.find("GET http://[2001:db8::7]:8080/x")).isEqualTo(new RemoteEndpoint("2001:db8::7", null, 8080));
    }

    @Test
    void readsHandshakePeers() {
        assertThat(RemoteEndpoint.find("SSL handshake with 192.0.2.10:443 failed"))
                .isEqualTo(new RemoteEndpoint("192.0.2.10", null, 443));
        assertThat(RemoteEndpoint.find("SSL error; peer: 192.0.2.11:8443")).isEqualTo(new RemoteEndpoint("192.0.2.11", null, 8443));
    }

    @Test
    void makesLocalhostLoopback() {
        assertThat(RemoteEndpoint.find("Creating temporary connect spec: connecting to localhost:443"))
                .isEqualTo(new RemoteEndpoint("127.0.0.1", null, 443));
    }

    @Test
    void ignoresTheAddressOfAClientThatLoggedIn() {
        assertThat(RemoteEndpoint.find("User root@10.0.0.5 logged in as VMware-client/6.5.0")).isNull();
        assertThat(RemoteEndpoint.find("vmsyslog logger 10.100.10.30:514 lost 156959 log messages")).isNull();
    }
}
