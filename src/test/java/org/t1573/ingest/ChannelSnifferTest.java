package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shapes no real file or bundled sample has (those are in InputChannelsTest): each head is
 * the start of a file of that channel, as its sensor writes it.
 */
class ChannelSnifferTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            suricata     | {"timestamp":"2024-01-01T00:00:00.000000+0000","flow_id":1,"event_type":"stats","stats":{}}
            zeek         | {"ts":1700000000.1,"uid":"C1","id.orig_h":"10.0.0.1","id.orig_p":5,"conn_state":"SF"}
            windows      | {"@timestamp":"2024-01-01T00:00:00Z","winlog":{"event_id":3,"channel":"Microsoft-Windows-Sysmon/Operational"}}
            sysmon-linux | <Event><System><Provider Name="Linux-Sysmon"/><EventID>3</EventID></System></Event>
            syslog       | Mar  5 10:00:00 web01 sshd[811]: Accepted publickey for root
            syslog       | <30>1 2024-01-01T00:00:00Z web01 nginx 77 - - started
            netflow      | ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt
            auditd       | node=web01 type=SYSCALL msg=audit(1700000000.500:7011): arch=c000003e syscall=42
            """)
    void tellsTheChannelOfAHead(String channel, String head) {
        assertThat(ChannelSniffer.ofHead(head + "\n")).extracting(ChannelSniffer.Choice::channel).isEqualTo(channel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prose          | meeting notes, not telemetry
            JSON of no one | {"name":"a","value":1}
            only comments  | # host esx01.lab
            empty          | ''
            """)
    void aHeadNoChannelRecognisesIsNone(String what, String head) {
        assertThat(ChannelSniffer.ofHead(head + "\n")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            byte-order mark | \uFEFF#separator \\x09
            comment lines   | # host esx01.lab\\n# collected 2026-03-05T10:05:00Z\\n\\nProto  Recv Q  Send Q  Local Address  Foreign Address  State
            """)
    void skipsWhatComesBeforeTheFirstRecord(String what, String head) {
        assertThat(ChannelSniffer.ofHead(head.replace("\\n", "\n"))).isNotNull();
    }
}
