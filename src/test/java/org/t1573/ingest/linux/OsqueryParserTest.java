package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.linux.LinuxParsing.iso;
import static org.t1573.ingest.linux.LinuxParsing.parse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** osquery results in the differential, snapshot and batched shapes (no real capture exists here). */
class OsqueryParserTest {

    private final OsqueryParser parser = new OsqueryParser();

    @Test
    void addedCryptoLibraryMappingIsALibraryLoad() throws Exception {
        Event e = added("crypto_libs",
                "{\"pid\":\"4242\",\"path\":\"/usr/lib/x86_64-linux-gnu/libcrypto.so.3\",\"offset\":\"0\","
                        + "\"permissions\":\"r--p\",\"inode\":\"1234\"}");

        assertThat(e.action).isEqualTo("library_load");
        assertThat(e.category).isEqualTo("library");
        assertThat(e.dataset).isEqualTo("osquery.process_memory_map");
        assertThat(e.provider).isEqualTo("osquery");
        assertThat(e.timestamp).isEqualTo(iso("2026-03-02T08:00:00Z"));
        assertThat(e.hostName).isEqualTo("web01");
        assertThat(e.processPid).isEqualTo(4242L);
        assertThat(e.dllPath).isEqualTo("/usr/lib/x86_64-linux-gnu/libcrypto.so.3");
        assertThat(e.dllName).isEqualTo("libcrypto.so.3");
        assertThat(e.id).endsWith(":0");
    }

    @Test
    void processColumnsJoinedFromProcessesNameTheLoadingProcess() throws Exception {
        Event e = added("crypto_libs",
                "{\"pid\":\"4242\",\"name\":\"python3\",\"process_path\":\"/usr/bin/python3.11\","
                        + "\"cmdline\":\"python3 x.py\",\"path\":\"/usr/lib/libssl.so.3\",\"offset\":\"0\"}");

        assertThat(e.processName).isEqualTo("python3");
        assertThat(e.processExecutable).isEqualTo("/usr/bin/python3.11");
        assertThat(e.processCommandLine).isEqualTo("python3 x.py");
        assertThat(e.dllPath).isEqualTo("/usr/lib/libssl.so.3");
    }

    @Test
    void laterSegmentsOfAMappingAndNonLibrariesGiveNothing() throws Exception {
        assertThat(parse(parser,
                differential("process_memory_map", "added", "{\"pid\":\"1\",\"path\":\"/usr/lib/libssl.so.3\",\"offset\":\"4096\"}"),
                differential("process_memory_map", "added", "{\"pid\":\"1\",\"path\":\"[heap]\",\"offset\":\"0\"}"),
                differential("process_memory_map", "removed", "{\"pid\":\"1\",\"path\":\"/usr/lib/libssl.so.3\",\"offset\":\"0\"}")))
                .isEmpty();
    }

    @Test
    void snapshotGivesOneEventPerRowWithDistinctIds() throws Exception {
        String snapshot = "{\"name\":\"pack_c2_open_sockets\",\"hostIdentifier\":\"web01\",\"unixTime\":1772438400,"
                + "\"action\":\"snapshot\",\"snapshot\":["
                + socket("4242", "2", "6", "10.0.0.5", "51000", "203.0.113.7", "443", "ESTABLISHED") + ","
                + socket("4242", "2", "6", "10.0.0.5", "51002", "203.0.113.7", "443", "SYN_SENT") + ","
                + socket("80", "2", "6", "0.0.0.0", "22", "0.0.0.0", "0", "LISTEN") + ","
                + socket("81", "1", "0", "", "0", "", "0", "") + "]}";

        List<Event> events = parse(parser, snapshot);

        assertThat(events).extracting(e -> e.action)
                .containsExactly("network_connection", "network_connection", "listen");
        assertThat(events).extracting(e -> e.id).doesNotHaveDuplicates();
        Event established = events.get(0);
        assertThat(established.dataset).isEqualTo("osquery.process_open_sockets");
        assertThat(established.sourceIp).isEqualTo("10.0.0.5");
        assertThat(established.sourcePort).isEqualTo(51000);
        assertThat(established.destinationIp).isEqualTo("203.0.113.7");
        assertThat(established.destinationPort).isEqualTo(443);
        assertThat(established.networkTransport).isEqualTo("tcp");
        assertThat(established.networkDirection).isEqualTo("outbound");
        assertThat(established.outcome).isEqualTo("success");
        assertThat(events.get(1).outcome).isEqualTo("unknown");
        assertThat(events.get(2).sourcePort).isEqualTo(22);
    }

    @Test
    void connectionToALocalServicePortIsInbound() throws Exception {
        Event e = added("process_open_sockets",
                socket("80", "2", "6", "10.0.0.5", "22", "198.51.100.9", "60211", "ESTABLISHED"));

        assertThat(e.networkDirection).isEqualTo("inbound");
    }

    @Test
    void processesAddedStartAndRemovedEnd() throws Exception {
        String row = "{\"pid\":\"4242\",\"name\":\"python3\",\"path\":\"/usr/bin/python3.11\","
                + "\"cmdline\":\"python3 /tmp/x.py\",\"parent\":\"4200\",\"uid\":\"1000\"}";

        List<Event> events = parse(parser, batched("processes", row));

        assertThat(events).extracting(e -> e.action).containsExactly("process_start", "process_end");
        Event start = events.get(0);
        assertThat(start.processName).isEqualTo("python3");
        assertThat(start.processExecutable).isEqualTo("/usr/bin/python3.11");
        assertThat(start.processCommandLine).isEqualTo("python3 /tmp/x.py");
        assertThat(start.parentPid).isEqualTo(4200L);
        assertThat(start.userName).isEqualTo("1000");
    }

    @Test
    void tableIsRecognisedFromTheColumnsWhenTheQueryNameDoesNotSayIt() throws Exception {
        Event e = added("crypto",
                "{\"pid\":\"7\",\"path\":\"/opt/x/libssl.so.1.1\",\"inode\":\"9\",\"permissions\":\"r-xp\"}");

        assertThat(e.dllName).isEqualTo("libssl.so.1.1");
    }

    @Test
    void rowsOfOtherTablesGiveNothing() throws Exception {
        assertThat(parse(parser, differential("users", "added", "{\"uid\":\"0\",\"username\":\"root\"}"))).isEmpty();
    }

    @Test
    void resultWithoutRowsIsRejected() {
        assertThatThrownBy(() -> parse(parser, "{\"name\":\"x\",\"unixTime\":1772438400}"))
                .hasMessageContaining("osquery: no columns, snapshot or diffResults");
    }

    @Test
    void resultWithoutTimeIsRejected() {
        assertThatThrownBy(() -> parse(parser, "{\"name\":\"x\",\"columns\":{}}"))
                .hasMessageContaining("osquery: field unixTime is missing");
    }

    @Test
    void badPidIsRejected() {
        assertThatThrownBy(() -> parse(parser, differential("processes", "added", "{\"pid\":\"x\",\"parent\":\"1\",\"cmdline\":\"\"}")))
                .hasMessageContaining("osquery: field pid 'x' is not a whole number");
    }

    /** The first event of a differential result that adds one row. */
    private Event added(String name, String columns) throws Exception {
        return parse(parser, differential(name, "added", columns)).get(0);
    }

    private static String differential(String name, String action, String columns) {
        return "{\"name\":\"" + name + "\",\"hostIdentifier\":\"web01\",\"unixTime\":\"1772438400\",\"action\":\""
                + action + "\",\"columns\":" + columns + "}";
    }

    private static String batched(String name, String row) {
        return "{\"name\":\"" + name + "\",\"hostIdentifier\":\"web01\",\"unixTime\":1772438400,"
                + "\"diffResults\":{\"added\":[" + row + "],\"removed\":[" + row + "]}}";
    }

    private static String socket(String pid, String family, String protocol, String local, String localPort,
            String remote, String remotePort, String state) {
        return "{\"pid\":\"" + pid + "\",\"family\":\"" + family + "\",\"protocol\":\"" + protocol
                + "\",\"local_address\":\"" + local + "\",\"local_port\":\"" + localPort + "\",\"remote_address\":\""
                + remote + "\",\"remote_port\":\"" + remotePort + "\",\"state\":\"" + state + "\"}";
    }
}
