package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only one plain address is an IP address; what the library would also read is not. */
class IpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "203.0.113.50", "0.0.0.0", "::1", "2001:db8::1", "fe80::1%eth0",
        "::ffff:192.0.2.1"})
    void plainAddressesAreIps(String text) {
        assertThat(IpText.isIp(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", " 203.0.113.50", "203.0.113.50 ", "10.1", "1", "10.0.0.0/8", "*",
        "10.0.0.*", "10.0.0.1-5", "", "0x0a.0.0.1", "aa:bb:cc:dd:ee:ff", "host.example"})
    void anythingElseIsNot(String text) {
        assertThat(IpText.isIp(text)).isFalse();
    }

    @Test
    void macAddressesAreToldFromOutOfRangeAddresses() {
        assertThat(IpText.isMac("0:1:2:3:4:5")).isTrue();
        assertThat(IpText.isMac("aa-bb-cc-dd-ee-ff")).isTrue();
        assertThat(IpText.isMac("999.1.1.1")).isFalse();
        assertThat(IpText.isMac("10.0.0.1")).isFalse();
    }
}
