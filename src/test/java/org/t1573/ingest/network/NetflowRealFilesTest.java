package org.t1573.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.t1573.ingest.network.ParsedFile.NETFLOW;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.t1573.event.Event;

/** The three real flow files of the netflowlabeler examples, field by field, and hostile variants of them. */
class NetflowRealFilesTest {

    private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile", "netflow");

    private static ParsedFile read(String file) {
        return ParsedFile.read(new NetflowRecordParser(), NETFLOW.resolve(file));
    }

    @Test
    void nfdumpLineOutputGivesOneFlowPerRowWithTheFileTotals() {
        ParsedFile f = read("nfcapd.sample2");

        assertThat(f.deadLetters()).isEmpty();
        assertThat(f.events()).hasSize(167).allSatisfy(e -> {
            assertThat(e.action).isEqualTo("flow");
            assertThat(e.dataset).isEqualTo("netflow.nfdump");
        });
        assertThat(f.events().stream().mapToLong(e -> e.packetsOut).sum()).isEqualTo(2032L);
        assertThat(f.events().stream().mapToLong(e -> e.bytesOut).sum()).isEqualTo(512792L);
    }

    @Test
    void nfdumpLineRowIsReadFieldByField() {
        Event e = read("nfcapd.sample2").events().get(0);

        assertThat(e.timestamp).as("2013-07-09 01:15:33.005 UTC").isEqualTo(1373332533005L);
        assertThat(e.durationSeconds).isEqualTo(0.548);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.sourceIp).isEqualTo("10.0.0.151");
        assertThat(e.sourcePort).isEqualTo(49161);
        assertThat(e.destinationIp).isEqualTo("10.0.0.150");
        assertThat(e.destinationPort).isEqualTo(3128);
        assertThat(e.packetsOut).isEqualTo(5L);
        assertThat(e.bytesOut).isEqualTo(333L);
        assertThat(e.bytesIn).as("unidirectional").isNull();
        assertThat(e.provider).isEqualTo("nfdump");
    }

    @Test
    void labelledNfdumpRowsWithTabsAndALabelColumnAreRead() {
        ParsedFile f = read("nfcapd.sample1.labeled");
        Event dns = f.events().get(0);

        assertThat(f.deadLetters()).isEmpty();
        assertThat(f.events()).hasSize(35);
        assertThat(dns.timestamp).isEqualTo(1373331623040L);
        assertThat(dns.networkTransport).isEqualTo("udp");
        assertThat(dns.sourceIp).isEqualTo("8.8.8.8");
        assertThat(dns.sourcePort).isEqualTo(53);
        assertThat(dns.destinationIp).isEqualTo("10.0.0.150");
        assertThat(dns.destinationPort).isEqualTo(49058);
        assertThat(dns.packetsOut).isEqualTo(1L);
        assertThat(dns.bytesOut).isEqualTo(126L);
    }

    @Test
    void argusBinetflowGivesTheIpFlowsAndSkipsArpAndLlc() {
        ParsedFile f = read("test.binetflow");

        assertThat(f.deadLetters()).isEmpty();
        assertThat(f.events()).as("99 rows: 81 tcp + 10 udp, 6 arp and 2 llc skipped").hasSize(91);
        assertThat(f.events()).allSatisfy(e -> assertThat(e.dataset).isEqualTo("netflow.argus"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nfcapd.sample2", "nfcapd.sample1.labeled", "test.binetflow"})
    void everyLineIsAFlowAnIgnoredRecordOrADeadLetter(String file) {
        ParsedFile f = read(file);

        assertThat(f.events().size() + f.ignoredCount() + f.deadLetters().size())
                .isEqualTo(ParsedFile.lines(NETFLOW.resolve(file)).size());
    }

    @Test
    void aSummaryLineInTheMiddleOfAnArgusFileHidesNoFlowAfterIt() {
        List<String> lines = ParsedFile.lines(NETFLOW.resolve("test.binetflow"));
        List<String> hostile = new ArrayList<>(lines);
        hostile.add(lines.size() / 2, "Summary: total flows: 99, total bytes: 0, total packets: 0, avg bps: 0, "
                + "avg pps: 0, avg bpp: 0");

        ParsedFile f = ParsedFile.ofLines(new NetflowRecordParser(), "test.binetflow", hostile);

        assertThat(f.events()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(read("test.binetflow").events());
        assertThat(f.ignored()).containsEntry(NfdumpSummary.REASON, 1);
        assertThat(f.deadLetters()).isEmpty();
    }

    @Test
    void aFileWithoutHeaderIsNotReadWithTheHeaderOfTheFileBeforeIt() {
        ParsedFile f = ParsedFile.read(new NetflowRecordParser(), NETFLOW.resolve("test.binetflow"),
                HOSTILE.resolve("rows-without-header.binetflow"));

        assertThat(f.events()).hasSameSizeAs(read("test.binetflow").events());
        assertThat(f.deadLetters()).hasSize(2).allSatisfy(d -> assertThat(d)
                .startsWith("rows-without-header.binetflow:").contains("row before any header"));
    }

    @Test
    void argusRowSplitsTotalBytesIntoBothDirectionsAndKeepsTheUserDataLength() {
        Event e = read("test.binetflow").where(x -> Integer.valueOf(49241).equals(x.sourcePort)).get(0);

        assertThat(e.timestamp).as("1970/01/01 01:49:06.919353").isEqualTo(6546919L);
        assertThat(e.durationSeconds).isEqualTo(15.123755);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.sourceIp).isEqualTo("192.168.1.114");
        assertThat(e.destinationIp).isEqualTo("213.215.117.191");
        assertThat(e.destinationPort).isEqualTo(80);
        assertThat(e.connectionState).isEqualTo("SRPA_FSPA");
        assertThat(e.bytesOut).isEqualTo(3085L);
        assertThat(e.bytesIn).isEqualTo(33745L - 3085L);
        assertThat(e.packetsOut).as("TotPkts is not split").isNull();
        assertThat(e.payloadBytes).as("s[640] + d[640]").isEqualTo(1280L);
    }

    @Test
    void argusIpv6RowKeepsTheAddressesWhole() {
        Event e = read("test.binetflow").where(x -> "ff02::1:2".equals(x.destinationIp)).get(0);

        assertThat(e.sourceIp).isEqualTo("fe80::bd10:6b72:4b79:af3b");
        assertThat(e.sourcePort).isEqualTo(546);
        assertThat(e.destinationPort).isEqualTo(547);
        assertThat(e.networkTransport).isEqualTo("udp");
        assertThat(e.bytesOut).isEqualTo(1460L);
        assertThat(e.bytesIn).isZero();
        assertThat(e.payloadBytes).as("s[640] only").isEqualTo(640L);
    }
}
