package org.t1573.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** goflow2 JSON (both versions), nfdump CSV and line output, their summaries and the format errors, on inline records. */
class NetflowRecordParserTest {

    private static final String NFDUMP_CSV_HEADER =
            "ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das,smk,dmk,dtos,dir,nh,nhb,"
                    + "svln,dvln,ismc,odmc,idmc,osmc,mpls1,mpls2,mpls3,mpls4,mpls5,mpls6,mpls7,mpls8,mpls9,"
                    + "mpls10,cl,sl,al,ra,eng,exid,tr";
    /** 10.0.0.5:51515 to 203.0.113.9:8443, 14 packets and 2100 bytes. */
    private static final String NFDUMP_CSV_ROW =
            "2023-05-01 10:00:00.250,2023-05-01 10:00:04.250,4.000,10.0.0.5,203.0.113.9,51515,8443,TCP,"
                    + ".AP.SF,0,0,14,2100,0,0,1,2,0,0,24,24,0,0,0.0.0.0,0.0.0.0,0,0,00:00:00:00:00:00,"
                    + "00:00:00:00:00:00,00:00:00:00:00:00,00:00:00:00:00:00,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,"
                    + "0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0.000,0.000,0.000,0.0.0.0,0/0,1,1970-01-01 00:00:00.000";
    private static final String NFDUMP_LINE_HEADER =
            "Date flow start Duration Proto Src IP Addr:Port Dst IP Addr:Port Flags Tos Packets Bytes Flows";

    private final NetflowRecordParser parser = new NetflowRecordParser();

    private List<Event> parse(String... lines) throws MalformedRecordException {
        return ParsedFile.parseLines(parser, lines);
    }

    @Test
    void goflow2V1RecordIsAFlowWithTheExportersCounts() throws Exception {
        Event e = parse("{\"Type\":\"NETFLOW_V9\",\"TimeReceived\":1700000100,\"SequenceNum\":7,\"SamplingRate\":0,"
                + "\"TimeFlowStart\":1700000000,\"TimeFlowEnd\":1700000030,\"Bytes\":4200,\"Packets\":12,"
                + "\"SrcAddr\":\"10.1.2.3\",\"DstAddr\":\"198.51.100.7\",\"Etype\":2048,\"Proto\":6,"
                + "\"SrcPort\":50123,\"DstPort\":8443}").get(0);

        assertThat(e.action).isEqualTo("flow");
        assertThat(e.dataset).isEqualTo("netflow.goflow2");
        assertThat(e.timestamp).isEqualTo(1_700_000_000_000L);
        assertThat(e.durationSeconds).isEqualTo(30.0);
        assertThat(e.sourceIp).isEqualTo("10.1.2.3");
        assertThat(e.sourcePort).isEqualTo(50123);
        assertThat(e.destinationIp).isEqualTo("198.51.100.7");
        assertThat(e.destinationPort).isEqualTo(8443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.bytesOut).isEqualTo(4200L);
        assertThat(e.packetsOut).isEqualTo(12L);
        assertThat(e.bytesIn).isNull();
    }

    @Test
    void olderGoflow2Base64AddressesAreDecoded() throws Exception {
        // CgECAw== is 10.1.2.3; IAENuAAAAAAAAAAAAAAAAQ== is 2001:db8::1.
        Event e = parse("{\"TimeFlowStart\":0,\"TimeReceived\":1700000100,\"Bytes\":60,\"Packets\":1,"
                + "\"SrcAddr\":\"CgECAw==\",\"DstAddr\":\"IAENuAAAAAAAAAAAAAAAAQ==\",\"Proto\":17,"
                + "\"SrcPort\":5353,\"DstPort\":53}").get(0);

        assertThat(e.sourceIp).isEqualTo("10.1.2.3");
        assertThat(e.destinationIp).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(e.timestamp).as("TimeFlowStart 0: received time").isEqualTo(1_700_000_100_000L);
        assertThat(e.networkTransport).isEqualTo("udp");
    }

    @Test
    void goflow2V2SnakeCaseRecordWithNanosecondTimesIsRead() throws Exception {
        Event e = parse("{\"type\":\"IPFIX\",\"time_received_ns\":1700000100000000000,"
                + "\"time_flow_start_ns\":1700000000123000000,\"time_flow_end_ns\":1700000001123000000,"
                + "\"bytes\":900,\"packets\":3,\"src_addr\":\"192.0.2.10\",\"dst_addr\":\"203.0.113.5\","
                + "\"proto\":\"TCP\",\"src_port\":40000,\"dst_port\":443}").get(0);

        assertThat(e.timestamp).isEqualTo(1_700_000_000_123L);
        assertThat(e.durationSeconds).isEqualTo(1.0);
        assertThat(e.sourceIp).isEqualTo("192.0.2.10");
        assertThat(e.destinationPort).isEqualTo(443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.bytesOut).isEqualTo(900L);
    }

    @Test
    void nfdumpCsvRowsFollowTheirHeaderAndTheSummaryIsSkipped() throws Exception {
        List<Event> events = parse(NFDUMP_CSV_HEADER, NFDUMP_CSV_ROW, "Summary",
                "flows,bytes,packets,avg_bps,avg_pps,avg_bpp",
                "1,2100,14,4200,3,150");

        assertThat(events).hasSize(1);
        Event e = events.get(0);
        assertThat(e.timestamp).isEqualTo(1_682_935_200_250L);
        assertThat(e.durationSeconds).isEqualTo(4.0);
        assertThat(e.sourceIp).isEqualTo("10.0.0.5");
        assertThat(e.destinationIp).isEqualTo("203.0.113.9");
        assertThat(e.sourcePort).isEqualTo(51515);
        assertThat(e.destinationPort).isEqualTo(8443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.packetsOut).isEqualTo(14L);
        assertThat(e.bytesOut).isEqualTo(2100L);
        assertThat(e.bytesIn).isZero();
    }

    @Test
    void rowsAfterAnNfdumpCsvSummaryAreStillFlowsAndTheSummaryIsIgnoredLineByLine() {
        ParsedFile f = ParsedFile.ofLines(parser, "inline", List.of(NFDUMP_CSV_HEADER, NFDUMP_CSV_ROW, "Summary",
                "flows,bytes,packets,avg_bps,avg_pps,avg_bpp", "1,2100,14,4200,3,150", NFDUMP_CSV_ROW));

        assertThat(f.events()).hasSize(2);
        assertThat(f.deadLetters()).isEmpty();
        assertThat(f.ignored()).containsExactlyInAnyOrderEntriesOf(
                Map.of(NfdumpSummary.REASON, 3, NetflowRecordParser.HEADER_LINE, 1));
    }

    @Test
    void nfdumpLineOutputSummaryLinesAreIgnoredAndAnUnknownTrailerIsADeadLetter() {
        ParsedFile f = ParsedFile.ofLines(parser, "inline", List.of(NFDUMP_LINE_HEADER,
                "2023-05-01 10:00:00.000 1.000 TCP 10.0.0.5:51000 -> 198.51.100.1:443 .AP.SF 0 10 2000 1",
                "Summary: total flows: 1, total bytes: 2000, total packets: 10, avg bps: 16000, avg pps: 10, avg bpp: 200",
                "Time window: 2023-05-01 10:00:00 - 2023-05-01 10:00:01",
                "Total flows processed: 1, Blocks skipped: 0, Bytes read: 120",
                "Sys: 0.001s flow/s: 1000.0 Wall: 0.001s flow/s: 1000.0",
                "Done."));

        assertThat(f.events()).hasSize(1);
        assertThat(f.ignored()).containsEntry(NfdumpSummary.REASON, 4);
        assertThat(f.deadLetters()).singleElement().asString().startsWith("inline:7 ");
    }

    @Test
    void nfdumpLineScaledCountsAreExpanded() throws Exception {
        Event e = parse("Date flow start          Duration Proto      Src IP Addr:Port          Dst IP Addr:Port"
                        + "   Flags Tos  Packets    Bytes Flows",
                "2023-05-01 10:00:00.000   600.000 TCP     10.0.0.5:51000 ->   198.51.100.1:1194 .AP...   0"
                        + "    1.2 M    1.5 G     1").get(0);

        assertThat(e.packetsOut).isEqualTo(1_200_000L);
        assertThat(e.bytesOut).isEqualTo(1_500_000_000L);
        assertThat(e.destinationPort).isEqualTo(1194);
    }

    @Test
    void nfdumpLineIpv6EndpointsCarryThePortAfterADot() throws Exception {
        Event e = parse(NFDUMP_LINE_HEADER,
                "2023-05-01 10:00:00.000 1.000 TCP 2001:db8::5.51000 -> 2001:db8::1.443 .AP.SF 0 10 2000 1").get(0);

        assertThat(e.sourceIp).isEqualTo("2001:db8::5");
        assertThat(e.sourcePort).isEqualTo(51000);
        assertThat(e.destinationIp).isEqualTo("2001:db8::1");
        assertThat(e.destinationPort).isEqualTo(443);
    }

    @Test
    void aPortOfMoreDigitsThanAnIntHoldsIsNotAPort() {
        assertThatThrownBy(() -> parse(NFDUMP_LINE_HEADER,
                "2023-05-01 10:00:00.000 1.000 TCP 10.0.0.5:99999999999 -> 198.51.100.1:443 .AP.SF 0 10 2000 1"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("port '99999999999' is not a port");
    }

    @Test
    void anArgusUserDataLengthOfMoreDigitsThanALongHoldsIsMalformed() {
        assertThatThrownBy(() -> parse(
                "StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,sTos,dTos,TotPkts,TotBytes,SrcBytes,"
                        + "srcUdata,dstUdata,Label",
                "2026/03/03 10:00:00.000000,1.000000,tcp,192.0.2.10,50000,   ->,198.51.100.7,443,CON,0,0,10,2000,800,"
                        + "s[99999999999999999999]=AAAA,,"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field srcUdata 's[99999999999999999999]=AAAA' is user data whose length is not");
    }

    @Test
    void anArgusFileWithoutAProtoColumnGivesFlowsOfUnknownTransport() throws Exception {
        // Found by ParserFuzzTest (its seed crash-71ae8462...): the link-layer check threw on a null protocol.
        List<Event> events = parse("StartTime,Dur,SrcAddr,Sport,Dir,DstAddr,Dport,State,TotBytes,SrcBytes",
                "2026/03/03 10:00:00.000000,1.000000,192.0.2.10,50000,   ->,198.51.100.7,443,CON,2000,800");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.networkTransport).isNull();
            assertThat(List.of(e.sourceIp, e.destinationIp)).containsExactly("192.0.2.10", "198.51.100.7");
            assertThat(List.of(e.sourcePort, e.destinationPort)).containsExactly(50000, 443);
        });
    }

    @Test
    void aRowBeforeAnyHeaderIsMalformed() {
        assertThatThrownBy(() -> parse("2023-05-01 10:00:00.000 1.000 TCP a:1 -> b:2 ...... 0 1 1 1"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("before any header");
    }

    @Test
    void anUndecodableGoflow2AddressIsMalformed() {
        assertThatThrownBy(() -> parse("{\"TimeReceived\":1700000100,\"SrcAddr\":\"not-an-ip\",\"DstAddr\":\"10.0.0.1\"}"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("SrcAddr 'not-an-ip'");
    }
}
