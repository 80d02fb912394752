package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/**
 * The malformed values of issue 16, one test each, read as the job reads a file: the channel's
 * parser, then {@link EventAdmission}. Each record is a dead letter whose reason names the field,
 * and the same file without the change is read whole, so the test fails if the check rejects
 * good records too.
 */
class MalformedValuesTest {
    private static final Path ZEEK_CONN = Path.of("samples", "network", "zeek", "conn.log");
    private static final Path GOFLOW2 = Path.of("samples", "network", "netflow", "goflow2.json");
    private static final Path SYSMON = Path.of("samples", "windows", "sysmon.ndjson");
    private static final Path DEFENDER = Path.of("samples", "windows", "defender.ndjson");
    private static final Path OSQUERY = Path.of("samples", "linux", "osquery.ndjson");
    private static final Path ESXCLI = Path.of("samples", "esxi", "esxcli", "esx02-connections.csv");
    private static final Path MACOS = Path.of("samples", "macos", "mac1.ndjson");

    private static final String ZEEK_JSON = "{\"_path\":\"conn\",\"ts\":1700000000.25,\"uid\":\"Cc\","
            + "\"id.orig_h\":\"10.0.0.5\",\"id.orig_p\":5000,\"id.resp_h\":\"203.0.113.9\",\"id.resp_p\":443,"
            + "\"proto\":\"tcp\",\"duration\":1.5,\"orig_bytes\":100,\"resp_bytes\":200,\"orig_pkts\":3,"
            + "\"resp_pkts\":4,\"payload_entropy\":7.5}";
    private static final String SURICATA = "{\"timestamp\":\"2023-05-01T10:05:00.000000+0000\",\"flow_id\":12345,"
            + "\"event_type\":\"flow\",\"src_ip\":\"10.0.0.5\",\"src_port\":51515,\"dest_ip\":\"203.0.113.9\","
            + "\"dest_port\":8443,\"proto\":\"TCP\",\"app_proto\":\"tls\",\"flow\":{\"pkts_toserver\":20,"
            + "\"pkts_toclient\":18,\"bytes_toserver\":3100,\"bytes_toclient\":9800,"
            + "\"start\":\"2023-05-01T10:00:00.500000+0000\",\"end\":\"2023-05-01T10:04:30.750000+0000\","
            + "\"state\":\"closed\"},\"payload_entropy\":7.2}";
    private static final String ARGUS_HEADER = "StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,sTos,dTos,"
            + "TotPkts,TotBytes,SrcBytes,srcUdata,dstUdata,Label";
    private static final String ARGUS = "2026/03/03 10:00:00.000000,1.000000,tcp,192.0.2.10,50000,   ->,"
            + "198.51.100.7,443,CON,0,0,10,2000,800,,,";

    // Zeek conn.log (TSV): the sample's first row is 2100 bytes out, 3900 in, 4 and 6 packets, 4.25 s.

    @Test
    void negativeZeekBytesAreADeadLetter() throws IOException {
        assertDeadLetter("zeek", ZEEK_CONN, "\t2100\t3900\t", "\t-100\t3900\t",
                "field network.bytes_out -100 is negative");
    }

    @Test
    void negativeZeekDurationIsADeadLetter() throws IOException {
        assertDeadLetter("zeek", ZEEK_CONN, "\t4.250000\t", "\t-4.250000\t",
                "field network.duration -4.25 is not a duration");
    }

    @Test
    void negativeZeekPacketsAreADeadLetter() throws IOException {
        assertDeadLetter("zeek", ZEEK_CONN, "\t6\t4140\t", "\t-6\t4140\t", "field network.packets_in -6 is negative");
    }

    @Test
    void anOutOfRangeZeekAddressIsADeadLetter() throws IOException {
        assertDeadLetter("zeek", ZEEK_CONN, "\t203.0.113.50\t", "\t999.1.1.1\t",
                "field id.resp_h '999.1.1.1' is not an IP");
    }

    @Test
    void aPaddedZeekJsonAddressIsADeadLetter() {
        assertDeadLetter("zeek", List.of(ZEEK_JSON), "\"203.0.113.9\"", "\" 203.0.113.9\"",
                "field id.resp_h ' 203.0.113.9' is not an IP address");
    }

    @Test
    void aZeekEntropyOver8BitsIsADeadLetter() {
        assertDeadLetter("zeek", List.of(ZEEK_JSON), "\"payload_entropy\":7.5", "\"payload_entropy\":8.5",
                "field network.payload_entropy 8.5 is not an entropy");
    }

    @Test
    void aZeekTimeOfTheYear0001IsAPreEpochDeadLetter() {
        assertDeadLetter("zeek", List.of(ZEEK_JSON), "\"ts\":1700000000.25", "\"ts\":\"0001-01-01T00:00:00Z\"",
                "pre-epoch: event time 0001-01-01T00:00:00Z is before 1969-12-31T00:00:00Z");
    }

    // Suricata EVE

    @Test
    void negativeSuricataBytesAreADeadLetter() {
        assertDeadLetter("suricata", List.of(SURICATA), "\"bytes_toserver\":3100", "\"bytes_toserver\":-100",
                "field network.bytes_out -100 is negative");
    }

    @Test
    void aSuricataFlowThatIsAListIsADeadLetterNamingIt() {
        assertDeadLetter("suricata", List.of(SURICATA), SURICATA.substring(SURICATA.indexOf("\"flow\":{"),
                SURICATA.indexOf("},\"payload")) + "}", "\"flow\":[1,2]", "field flow is array, expected an object");
    }

    @Test
    void aSuricataAddressThatIsAnObjectIsADeadLetterNamingIt() {
        assertDeadLetter("suricata", List.of(SURICATA), "\"src_ip\":\"10.0.0.5\"", "\"src_ip\":{\"v4\":\"10.0.0.5\"}",
                "field src_ip is object, expected a single value");
    }

    @Test
    void aSuricataAddressThatIsAListIsADeadLetterNamingIt() {
        assertDeadLetter("suricata", List.of(SURICATA), "\"dest_ip\":\"203.0.113.9\"", "\"dest_ip\":[\"203.0.113.9\"]",
                "field dest_ip is array, expected a single value");
    }

    @Test
    void anOutOfRangeSuricataAddressIsADeadLetter() {
        assertDeadLetter("suricata", List.of(SURICATA), "\"dest_ip\":\"203.0.113.9\"", "\"dest_ip\":\"999.1.1.1\"",
                "field dest_ip '999.1.1.1' is not an IP address");
    }

    @Test
    void aNegativeSuricataEntropyIsADeadLetter() {
        assertDeadLetter("suricata", List.of(SURICATA), "\"payload_entropy\":7.2", "\"payload_entropy\":-0.5",
                "field network.payload_entropy -0.5 is not an entropy");
    }

    // goflow2, Argus

    @Test
    void negativeGoflow2BytesAreADeadLetter() throws IOException {
        assertDeadLetter("netflow", GOFLOW2, "\"Bytes\":2400", "\"Bytes\":-100",
                "field network.bytes_out -100 is negative");
    }

    @Test
    void negativeGoflow2PacketsAreADeadLetter() throws IOException {
        assertDeadLetter("netflow", GOFLOW2, "\"Packets\":7", "\"Packets\":-7",
                "field network.packets_out -7 is negative");
    }

    @Test
    void aPaddedGoflow2AddressIsADeadLetter() throws IOException {
        assertDeadLetter("netflow", GOFLOW2, "\"DstAddr\":\"203.0.113.80\"", "\"DstAddr\":\" 203.0.113.80\"",
                "field DstAddr ' 203.0.113.80' is neither an IP address");
    }

    @Test
    void negativeArgusBytesAreADeadLetter() {
        assertDeadLetter("netflow", List.of(ARGUS_HEADER, ARGUS), ",2000,800,", ",2000,-100,",
                "field network.bytes_out -100 is negative");
    }

    @Test
    void argusBytesOutOverTheTotalAreADeadLetter() {
        assertDeadLetter("netflow", List.of(ARGUS_HEADER, ARGUS), ",2000,800,", ",100,800,",
                "field network.bytes_in -700 is negative");
    }

    @Test
    void anOutOfRangeArgusAddressIsADeadLetterNotAnIgnoredNonIpFlow() {
        assertDeadLetter("netflow", List.of(ARGUS_HEADER, ARGUS), "198.51.100.7", "999.1.1.1",
                "field destination.ip '999.1.1.1' is not an IP address");
    }

    // Host channels

    @Test
    void anOutOfRangeSysmonAddressIsADeadLetter() throws IOException {
        assertDeadLetter("windows", SYSMON, "\"DestinationIp\":\"203.0.113.50\"", "\"DestinationIp\":\"999.1.1.1\"",
                "field destination.ip '999.1.1.1' is not an IP address");
    }

    @Test
    void aPaddedSysmonAddressIsADeadLetter() throws IOException {
        assertDeadLetter("windows", SYSMON, "\"DestinationIp\":\"203.0.113.50\"", "\"DestinationIp\":\" 203.0.113.50\"",
                "field destination.ip ' 203.0.113.50' is not an IP address");
    }

    @Test
    void aSysmonSensorTimeOfTheYear0001IsAPreEpochDeadLetter() throws IOException {
        assertDeadLetter("windows", SYSMON, "\"UtcTime\":\"2026-03-02 08:00:00.000\"",
                "\"UtcTime\":\"0001-01-01 00:00:00.000\"", "pre-epoch: event time 0001-01-01T00:00:00Z");
    }

    @Test
    void aSysmonCollectorTimeOfTheYear0001IsAPreEpochDeadLetter() throws IOException {
        assertDeadLetter("windows", SYSMON, "\"TimeCreated\":\"2026-03-02T08:00:00.139Z\"",
                "\"TimeCreated\":\"0001-01-01T00:00:00.000Z\"", "pre-epoch: event time 0001-01-01T00:00:00Z");
    }

    @Test
    void anOutOfRangeDefenderAddressIsADeadLetter() throws IOException {
        assertDeadLetter("windows", DEFENDER, "\"RemoteIP\":\"203.0.113.80\"", "\"RemoteIP\":\"999.1.1.1\"",
                "field destination.ip '999.1.1.1' is not an IP address");
    }

    @Test
    void anOutOfRangeOsqueryAddressIsADeadLetter() throws IOException {
        assertDeadLetter("osquery", OSQUERY, "\"remote_address\":\"203.0.113.80\"",
                "\"remote_address\":\"999.1.1.1\"", "field destination.ip '999.1.1.1' is not an IP address");
    }

    @Test
    void anOutOfRangeEsxcliAddressIsADeadLetter() throws IOException {
        assertDeadLetter("esxcli", ESXCLI, "198.51.100.90:8443", "999.1.1.1:8443",
                "esxcli: ForeignAddress '999.1.1.1:8443' is not address:port");
    }

    @Test
    void anOutOfRangeMacosAddressIsADeadLetter() throws IOException {
        assertDeadLetter("macos", MACOS, "[C1 203.0.113.50:8443 tcp", "[C1 999.1.1.1:8443 tcp",
                "field destination.ip '999.1.1.1' is not an IP address");
    }

    @Test
    void aMacosFieldThatIsAnObjectIsADeadLetterNamingIt() throws IOException {
        assertDeadLetter("macos", Files.readAllLines(MACOS), "CCCryptorCreate", "\"processImagePath\":",
                "\"processImagePath\":{\"a\":1},\"was\":", "field processImagePath is object, expected a single value");
    }

    /** The file with {@code from} replaced by {@code to} in the first line that has it. */
    private static void assertDeadLetter(String channel, Path file, String from, String to, String reason)
            throws IOException {
        assertDeadLetter(channel, Files.readAllLines(file), from, to, reason);
    }

    private static void assertDeadLetter(String channel, List<String> lines, String from, String to, String reason) {
        assertDeadLetter(channel, lines, from, from, to, reason);
    }

    /** Replaces {@code from} by {@code to} in the first line that has {@code lineWith}. */
    private static void assertDeadLetter(String channel, List<String> lines, String lineWith, String from, String to,
            String reason) {
        List<String> changed = new ArrayList<>(lines);
        int at = firstWith(lines, lineWith);
        changed.set(at, lines.get(at).replace(from, to));
        Outcome original = read(channel, lines);
        Outcome malformed = read(channel, changed);
        assertThat(original.deadLetters()).isEmpty();
        assertThat(malformed.deadLetters()).singleElement().asString().contains(reason);
        assertThat(malformed.events()).isEqualTo(original.events() - 1);
    }

    private static int firstWith(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line has " + text);
    }

    /** How many events the lines give, and the reason of each dead letter, as {@link ParseFunction} reads them. */
    private static Outcome read(String channel, List<String> lines) {
        RecordParser parser = Channels.parserFor(channel);
        EventAdmission admission = new EventAdmission(EventTime.AUTO);
        HostClocks.Findings quiet = new HostClocks.Findings() {
            @Override
            public void skewed(String host, String code, long deltaMillis) {}

            @Override
            public void retimed(String host, String code) {}
        };
        List<String> deadLetters = new ArrayList<>();
        int[] events = {0};
        Consumer<Event> emit = e -> {
            String problem = admission.admit(e, quiet, System.currentTimeMillis());
            if (problem == null) {
                events[0]++;
            } else {
                deadLetters.add(problem);
            }
        };
        for (String line : lines) {
            try {
                parser.parse(line, emit, reason -> {});
            } catch (MalformedRecordException e) {
                deadLetters.add(e.getMessage());
            }
        }
        try {
            parser.endOfInput(emit);
        } catch (MalformedRecordException e) {
            deadLetters.add(e.getMessage());
        }
        return new Outcome(events[0], deadLetters);
    }

    private record Outcome(int events, List<String> deadLetters) {}
}
