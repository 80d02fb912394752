package org.t1573.ingest.esxi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.ParsedFile;

/**
 * The real syslog-wrapped excerpt in {@code ../shared/data/esxi/} (elastic/integrations vSphere
 * fixture, 7 lines, benign): 4 vpxd lines in RFC 5424, 2 hostd lines in RFC 3164 and one shell
 * line, which no analytic uses.
 */
class EsxiRealFileTest {

    private static final Path FILE =
            Path.of("../shared/data/esxi/elastic_integrations_vsphere_test_excerpt/test-format-common.excerpt.log");

    private static List<Event> EVENTS;
    private static List<String> ERRORS;

    @BeforeAll
    static void parseWholeFile() throws IOException {
        ParsedFile parsed = ParsedFile.of(FILE, new EsxiLogParser());
        EVENTS = parsed.events();
        ERRORS = parsed.errors();
    }

    @Test
    void readsEveryLine() {
        assertThat(ERRORS).isEmpty();
    }

    @Test
    void givesSixLogMessagesWithoutCryptoOrDestinations() {
        assertThat(EVENTS).extracting(e -> e.processName + "@" + e.hostName + "[" + e.processPid + "]").containsExactly(
                "vpxd@vcenter[58650]", "vpxd@vcenter[58650]", "vpxd@vcenter[58650]", "vpxd@host123[24962]",
                "hostd@ESXI[1053970]", "hostd@ESXI[1050909]");
        assertThat(EVENTS).extracting(e -> e.action).containsOnly("log_message");
        assertThat(EVENTS).extracting(e -> e.destinationIp).containsOnly((String) null);
        assertThat(EVENTS).extracting(e -> e.id).doesNotHaveDuplicates();
    }

    @Test
    void mapsTheVpxdLoginFieldByField() {
        Event e = EVENTS.get(3);

        assertThat(e.timestamp).isEqualTo(Instant.parse("2022-09-01T04:06:19.084Z").toEpochMilli());
        assertThat(e.dataset).isEqualTo("vcenter.vpxd");
        assertThat(e.processEntityId).isEqualTo("host123/vpxd");
        assertThat(e.message).isEqualTo("Event [513220451] [1-1] [2022-09-01T04:05:55.57103Z] [vim.event.UserLoginSessionEvent]"
                + " [info] [root] [TEST] [513220451] [User root@127.0.0.1 logged in as VMware-client/6.5.0]");
    }

    @Test
    void mapsTheHostdRebootEventFieldByField() {
        Event e = EVENTS.get(4);

        assertThat(e.timestamp).isEqualTo(Instant.parse("2022-11-04T15:01:58.230Z").toEpochMilli());
        assertThat(e.dataset).isEqualTo("esxi.hostd");
        assertThat(e.provider).isEqualTo("Vimsvc.ha-eventmgr");
        assertThat(e.processEntityId).isEqualTo("esxi/hostd");
        assertThat(e.message).isEqualTo("Event 406 : Guest OS reboot for Kali Linux - Foobar on ESXI in ha-datacenter");
    }

    @Test
    void keepsTheUnclosedVpxdEventMessageAsWritten() {
        assertThat(EVENTS.get(2).message).endsWith("vmsyslog logger 10.100.10.30:514 lost 156959 log messages");
    }
}
