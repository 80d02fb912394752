package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworksTest {

    private static Networks rfc1918AndLinkLocal() {
        return Networks.parse(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
                "::1/128", "fe80::/10", "fc00::/7"));
    }

    // --- the IPv4 fast path

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0", "1.2.3.4, 16909060", "10.0.0.1, 167772161", "255.255.255.255, 4294967295",
        "192.168.001.010, 3232235786"})
    void parsesADottedQuadToAnUnsignedInt(String text, long value) {
        assertThat(Networks.parseIpv4(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1.2.3", "256.1.1.1", "1.2.3.4.5", " 1.2.3.4", "1.2.3.4 ", "1..2.3", ".1.2.3",
        "1.2.3.", "1.2.3.-4", "1.2.3.x", "0001.2.3.4", "1.2.3.1000", "::1", "fe80::1", "10", "example.com",
        "1.2.3.4/32"})
    void rejectsWhatIsNotADottedQuad(String text) {
        assertThat(Networks.parseIpv4(text)).isEqualTo(-1);
    }

    // --- membership

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.31.255.255", "192.168.0.1", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1",
        "fe80::1", "fe80:0:0:0:1c2d:3e4f:5a6b:7c8d", "fd12:3456::1", "::ffff:10.1.2.3"})
    void containsInternalAddresses(String ip) {
        assertThat(rfc1918AndLinkLocal().contains(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "11.0.0.1", "2001:db8::1", "2606:4700::1111",
        "::ffff:8.8.8.8"})
    void doesNotContainExternalAddresses(String ip) {
        assertThat(rfc1918AndLinkLocal().contains(ip)).isFalse();
    }

    @Test
    void aBareAddressIsASingleHostBlock() {
        Networks one = Networks.parse(List.of("192.0.2.7"));

        assertThat(List.of(one.contains("192.0.2.7"), one.contains("192.0.2.8"))).containsExactly(true, false);
    }

    @Test
    void aBlockWithHostBitsSetCoversItsNetwork() {
        Networks block = Networks.parse(List.of("10.9.9.9/8"));

        assertThat(block.contains("10.200.0.1")).isTrue();
    }

    @Test
    void slashZeroContainsEveryIpv4Address() {
        assertThat(Networks.parse(List.of("0.0.0.0/0")).contains("203.0.113.9")).isTrue();
    }

    @Test
    void anEmptySetContainsNoAddress() {
        assertThat(Networks.parse(List.of()).contains("10.1.2.3")).isFalse();
    }

    @Test
    void aHostNameIsNotAnAddress() {
        assertThat(rfc1918AndLinkLocal().contains("example.com")).isNull();
    }

    @Test
    void anEmptyStringIsNotAnAddress() {
        // The ipaddress library parses "" as the loopback address, so today "" is "internal".
        assertThat(rfc1918AndLinkLocal().contains("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "10.1", "1", "0x0a000001"})
    void inetAtonShorthandIsNotAnAddress(String text) {
        // The ipaddress library accepts inet_aton forms ("10.1" is 10.0.0.1, "1.2.3" is 1.2.0.3).
        assertThat(rfc1918AndLinkLocal().contains(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "not-an-ip", "*", "10.0.0.0/8/8"})
    void rejectsABadBlockNamingIt(String block) {
        assertThatThrownBy(() -> Networks.parse(List.of("10.0.0.0/8", block)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + block + "'");
    }
}
