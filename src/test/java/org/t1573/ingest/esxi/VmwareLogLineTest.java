package org.t1573.ingest.esxi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.t1573.ingest.MalformedRecordException;

class VmwareLogLineTest {

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** Whole lines of each shape and what each reads as. */
    static Stream<Arguments> wholeLines() {
        return Stream.of(
                Arguments.of("plain hostd line", "2022-11-04T10:00:00.123Z info hostd[2099235] [Originator@6876"
                        + " sub=Vimsvc.ha-eventmgr opID=abc-1] Event 123 : User root@10.0.0.5 logged in", "esx01",
                        new VmwareLogLine(at("2022-11-04T10:00:00.123Z"), "esx01", "hostd", 2099235L,
                                "Vimsvc.ha-eventmgr", "Event 123 : User root@10.0.0.5 logged in")),
                Arguments.of("RFC 3164 and the repeated prefix", "<166>2022-11-04T18:44:33.373Z ESXI Hostd: info"
                        + " hostd[1050909] [Originator@6876 sub=Default] IpmiIfcEntityInstantiateAll: stripping out",
                        "ignored", new VmwareLogLine(at("2022-11-04T18:44:33.373Z"), "ESXI", "Hostd", 1050909L,
                                "Default", "IpmiIfcEntityInstantiateAll: stripping out")),
                Arguments.of("RFC 5424, originator in structured data", "<166>1 2024-01-05T08:00:00.001Z esx02.lab"
                        + " Vpxa 2100100 - [Originator@6876 sub=vpxaHalCnxHostagent opID=x] Connection to 10.1.1.1:443 ok",
                        null, new VmwareLogLine(at("2024-01-05T08:00:00.001Z"), "esx02.lab", "Vpxa", 2100100L,
                                "vpxaHalCnxHostagent", "Connection to 10.1.1.1:443 ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeLines")
    void readsTheWholeLine(String shape, String line, String fallbackHost, VmwareLogLine expected)
            throws MalformedRecordException {
        assertThat(VmwareLogLine.parse(line, fallbackHost, "esxi")).isEqualTo(expected);
    }

    @Test
    void readsTheEsxi8LevelAndColon() throws MalformedRecordException {
        VmwareLogLine l = VmwareLogLine.parse("2024-01-05T08:00:00.001Z In(166) Hostd[2099235]: [Originator@6876"
                + " sub=IO.Http] SSL handshake failed", null, "esxi");

        assertThat(l.tag()).isEqualTo("Hostd");
        assertThat(l.pid()).isEqualTo(2099235L);
        assertThat(l.sub()).isEqualTo("IO.Http");
        assertThat(l.message()).isEqualTo("SSL handshake failed");
    }

    @Test
    void readsTheZoneOffsetOfRfc5424() throws MalformedRecordException {
        VmwareLogLine l = VmwareLogLine.parse("<14>1 2022-09-01T06:06:19.084018+02:00 host123 vpxd 24962 - - Event"
                + " [513220451] [1-1]", null, "esxi");

        assertThat(l.time()).isEqualTo(at("2022-09-01T04:06:19.084Z"));
        assertThat(l.message()).isEqualTo("Event [513220451] [1-1]");
    }

    @Test
    void rejectsOtherText() {
        assertThatThrownBy(() -> VmwareLogLine.parse("hello world", null, "esxi"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("esxi: not a VMware log line");
    }

    @Test
    void rejectsABadTime() {
        assertThatThrownBy(() -> VmwareLogLine.parse("2022-13-04T10:00:00Z info hostd[1] x", null, "esxi"))
                .hasMessageContaining("esxi: log time '2022-13-04T10:00:00Z' is not a time");
    }
}
