package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.linux.LinuxParsing.iso;
import static org.t1573.ingest.linux.LinuxParsing.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** RFC 5424 and RFC 3164 lines from daemons. */
class SyslogParserTest {

    private final SyslogParser parser = new SyslogParser(Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void rfc5424HeaderGivesHostAppPidAndMessage() throws Exception {
        Event e = parse(parser, "<86>1 2026-03-02T08:00:01.250Z web01 sshd 812 - - Accepted publickey for alice")
                .get(0);

        assertThat(e.action).isEqualTo("log_message");
        assertThat(e.dataset).isEqualTo("syslog");
        assertThat(e.timestamp).isEqualTo(iso("2026-03-02T08:00:01.250Z"));
        assertThat(e.hostName).isEqualTo("web01");
        assertThat(e.processName).isEqualTo("sshd");
        assertThat(e.provider).isEqualTo("sshd");
        assertThat(e.processPid).isEqualTo(812L);
        assertThat(e.message).isEqualTo("Accepted publickey for alice");
        assertThat(e.id).hasSize(36);
    }

    @Test
    void rfc5424StructuredDataIsSkippedAndNilValuesAreAbsent() throws Exception {
        Event e = parse(parser, "<14>1 2026-03-02T08:00:01+01:00 - curl - ID1 [tls@1 peer=\"c2\\]x\"][b@2 x=\"1\"] "
                + "\uFEFFSSL certificate problem: self-signed certificate").get(0);

        assertThat(e.timestamp).isEqualTo(iso("2026-03-02T07:00:01Z"));
        assertThat(e.hostName).isNull();
        assertThat(e.processPid).isNull();
        assertThat(e.message).isEqualTo("SSL certificate problem: self-signed certificate");
    }

    @Test
    void rfc3164WithPriorityIsReadAsUtcOfTheCurrentYear() throws Exception {
        Event e = parse(parser, "<30>Mar  2 08:00:02 web01 systemd[1]: Started Daily apt upgrade.").get(0);

        assertThat(e.timestamp).isEqualTo(iso("2026-03-02T08:00:02Z"));
        assertThat(e.hostName).isEqualTo("web01");
        assertThat(e.processName).isEqualTo("systemd");
        assertThat(e.processPid).isEqualTo(1L);
        assertThat(e.message).isEqualTo("Started Daily apt upgrade.");
    }

    @Test
    void rfc3164FromLaterInTheYearBelongsToTheYearBefore() throws Exception {
        Event e = parse(parser, "Dec 31 23:59:59 web01 kernel: eth0 link up").get(0);

        assertThat(e.timestamp).isEqualTo(iso("2025-12-31T23:59:59Z"));
        assertThat(e.processName).isEqualTo("kernel");
        assertThat(e.processPid).isNull();
    }

    @Test
    void fileLineWithRfc3339TimeAndNoTagKeepsTheWholeMessage() throws Exception {
        Event e = parse(parser, "2026-03-02T08:00:03.123456+00:00 web01 -- MARK --").get(0);

        assertThat(e.timestamp).isEqualTo(iso("2026-03-02T08:00:03.123Z"));
        assertThat(e.processName).isNull();
        assertThat(e.message).isEqualTo("-- MARK --");
    }

    @Test
    void lineWithoutASyslogHeaderIsRejected() {
        assertThatThrownBy(() -> parse(parser, "hello world"))
                .hasMessageContaining("syslog: not an RFC 5424 or RFC 3164 syslog line");
    }

    @Test
    void impossibleDateIsRejected() {
        assertThatThrownBy(() -> parse(parser, "Feb 30 08:00:00 web01 sshd[1]: x"))
                .hasMessageContaining("syslog: timestamp 'Feb 30 08:00:00'");
    }
}
