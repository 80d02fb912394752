package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.t1573.ingest.Channels;

/** The Linux channels the CLI's --input names, each with a fresh parser of its own. */
class LinuxChannelsTest {

    @ParameterizedTest
    @CsvSource({
        "auditd, AuditdParser",
        "auoms, AuomsParser",
        "sysmon-linux, LinuxSysmonParser",
        "osquery, OsqueryParser",
        "syslog, SyslogParser",
        "vmconnection, VmConnectionParser"
    })
    void channelHasItsParser(String channel, String parser) {
        assertThat(Channels.parserFor(channel).getClass().getSimpleName()).isEqualTo(parser);
        assertThat(Channels.parserFor(channel)).isNotSameAs(Channels.parserFor(channel));
    }
}
