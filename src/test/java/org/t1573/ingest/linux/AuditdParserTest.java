package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.linux.LinuxParsing.ATOMIC;
import static org.t1573.ingest.linux.LinuxParsing.AUDIT_SAMPLE;
import static org.t1573.ingest.linux.LinuxParsing.iso;
import static org.t1573.ingest.linux.LinuxParsing.parse;
import static org.t1573.ingest.linux.LinuxParsing.parseInput;
import static org.t1573.ingest.linux.LinuxParsing.parseLines;
import static org.t1573.ingest.linux.LinuxParsing.parseRealFile;
import static org.t1573.ingest.linux.LinuxParsing.pid;
import static org.t1573.ingest.linux.LinuxParsing.only;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/**
 * Raw audit.log: the real OTRF captures field by field, connect() events built inline, and the
 * repository's sample with its events interleaved as a busy kernel writes them.
 */
class AuditdParserTest {

    private final AuditdParser parser = new AuditdParser();

    /** AF_INET 203.0.113.7 port 443. */
    private static final String IPV4_443 = "020001BBCB0071070000000000000000";

    /** A connect() by curl (pid 4242) to 203.0.113.7:443, on host web01, as one complete event. */
    private static final String[] CONNECT_V4 = {
        "node=web01 type=SYSCALL msg=audit(1700000000.500:7001): arch=c000003e syscall=42 success=yes exit=0"
                + " a0=3 a1=7ffd a2=10 a3=0 items=0 ppid=4200 pid=4242 auid=1000 uid=1000 gid=1000 euid=1000"
                + " tty=pts0 ses=3 comm=\"curl\" exe=\"/usr/bin/curl\" key=\"c2\"",
        "node=web01 type=SOCKADDR msg=audit(1700000000.500:7001): saddr=020001BBCB0071070000000000000000",
        "node=web01 type=PROCTITLE msg=audit(1700000000.500:7001): proctitle=6375726C0068747470733A2F2F63322E6578616D706C65",
        "node=web01 type=EOE msg=audit(1700000000.500:7001): "
    };

    @Test
    void arpCaptureGivesOneProcessStartPerExecveWithEveryField() throws Exception {
        List<Event> events = parseRealFile(parser, ATOMIC, "sh_arp_cache");

        assertThat(events).extracting(e -> e.processName).containsExactly("arp", "grep");
        Event arp = events.get(0);
        assertThat(arp.action).isEqualTo("process_start");
        assertThat(arp.category).isEqualTo("process");
        assertThat(arp.dataset).isEqualTo("auditd");
        assertThat(arp.provider).isEqualTo("auditd");
        assertThat(arp.code).isEqualTo("execve");
        assertThat(arp.id).isEqualTo("1604994496.155:92733");
        assertThat(arp.timestamp).isEqualTo(iso("2020-11-10T07:48:16.155Z"));
        assertThat(arp.hostName).as("no node= in these logs").isNull();
        assertThat(arp.processPid).isEqualTo(1631L);
        assertThat(arp.parentPid).isEqualTo(29002L);
        assertThat(arp.processExecutable).isEqualTo("/usr/sbin/arp");
        assertThat(arp.processCommandLine).isEqualTo("arp -a");
        assertThat(arp.userName).isEqualTo("1000");
        assertThat(arp.processStart).as("kept null so the process key joins connect events").isNull();
        Event grep = events.get(1);
        assertThat(grep.processPid).isEqualTo(1632L);
        assertThat(grep.processExecutable).isEqualTo("/bin/grep");
        assertThat(grep.processCommandLine).isEqualTo("grep -v ^?");
    }

    @Test
    void binaryPaddingCaptureEndsOnItsProctitleWithoutAnEoe() throws Exception {
        Event dd = only(parseRealFile(parser, ATOMIC, "sh_binary_padding_dd"), pid(2168));

        assertThat(dd.processCommandLine).isEqualTo("dd if=/dev/zero bs=1 count=1");
        assertThat(dd.processExecutable).isEqualTo("/bin/dd");
        assertThat(dd.timestamp).isEqualTo(iso("2020-11-10T08:19:44.965Z"));
    }

    @Test
    void aSyscallNumberNoIntHoldsOrAnEmptyOneIsNoSyscallAnAnalyticUses() throws Exception {
        // Found by ParserFuzzTest (seed crash-c5e2a194...): syscall=4000000000000 threw NumberFormatException.
        for (String syscall : new String[] {"4000000000000", ""}) {
            String[] lines = CONNECT_V4.clone();
            lines[0] = lines[0].replace("syscall=42", "syscall=" + syscall);
            assertThat(parse(parser, lines)).as("syscall=" + syscall).isEmpty();
        }
    }

    @Test
    void connectWithIpv4SockaddrIsAnOutboundConnection() throws Exception {
        Event e = only(parse(parser, CONNECT_V4), pid(4242));

        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.category).isEqualTo("network");
        assertThat(e.code).isEqualTo("connect");
        assertThat(e.id).isEqualTo("web01:1700000000.500:7001");
        assertThat(e.timestamp).isEqualTo(iso("2023-11-14T22:13:20.500Z"));
        assertThat(e.hostName).isEqualTo("web01");
        assertThat(e.destinationIp).isEqualTo("203.0.113.7");
        assertThat(e.destinationPort).isEqualTo(443);
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.outcome).isEqualTo("success");
        assertThat(e.processName).isEqualTo("curl");
        assertThat(e.parentPid).isEqualTo(4200L);
        assertThat(e.processCommandLine).isEqualTo("curl https://c2.example");
    }

    @Test
    void nonBlockingConnectInProgressHasUnknownOutcome() throws Exception {
        Event e = curlConnect("syscall=42 success=no exit=-115", IPV4_443);

        assertThat(e.outcome).isEqualTo("unknown");
    }

    @Test
    void refusedConnectIsAFailure() throws Exception {
        Event e = curlConnect("syscall=42 success=no exit=-111", IPV4_443);

        assertThat(e.outcome).isEqualTo("failure");
    }

    @Test
    void ipv6SockaddrGivesTheAddressAndPort() throws Exception {
        Event e = curlConnect("syscall=42 success=yes exit=0",
                "0A0020FB0000000020010DB800000000000000000000000700000000");

        assertThat(e.destinationIp).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(e.destinationPort).isEqualTo(8443);
    }

    @Test
    void unixSocketConnectGivesNothing() throws Exception {
        assertThat(connect("syscall=42 success=yes exit=0",
                "01002F72756E2F73797374656D642F6A6F75726E616C2F736F636B6574")).isEmpty();
    }

    @Test
    void interpretedSyscallNamesAreReadToo() throws Exception {
        Event e = curlConnect("syscall=connect success=yes exit=0", IPV4_443);

        assertThat(e.code).isEqualTo("connect");
    }

    @Test
    void eventsInterleavedInPairsGiveTheSameEventsAsWrittenOneAfterAnother() throws Exception {
        List<String> lines = Files.readAllLines(AUDIT_SAMPLE);
        List<String> interleaved = interleavedInPairs(lines);
        assertThat(interleaved).as("the same records in another order")
                .containsExactlyInAnyOrderElementsOf(lines).isNotEqualTo(lines);

        List<Event> written = parseInput(new AuditdParser(), lines);
        List<Event> mixed = parseInput(new AuditdParser(), interleaved);

        assertThat(written).extracting(e -> e.action).contains("process_start", "network_connection");
        assertThat(mixed).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void eventWithoutEoeIsEmittedWhenMoreThanTheOpenLimitHaveStartedSince() throws Exception {
        List<Event> events = parse(parser,
                syscall(7007, "syscall=42 success=yes exit=0"),
                record("SOCKADDR", 7007, "saddr=" + IPV4_443));
        for (int serial = 8000; serial < 8000 + AuditdParser.MAX_OPEN_EVENTS - 1; serial++) {
            events.addAll(parse(parser, record("USER_LOGIN", serial, "pid=1 uid=0")));
        }
        assertThat(events).as("as many open as the limit").isEmpty();

        events.addAll(parse(parser, record("USER_LOGIN", 9000, "pid=1 uid=0")));

        assertThat(events).extracting(e -> e.id).containsExactly("web01:1700000000.500:7007");
    }

    @Test
    void recordOfAnOpenEventAfterRecordsOfOthersJoinsIt() throws Exception {
        Event e = only(parse(parser,
                syscall(7020, "syscall=42 success=yes exit=0"),
                syscall(7021, "syscall=41 success=yes exit=3"),
                record("SOCKADDR", 7020, "saddr=" + IPV4_443),
                record("EOE", 7021, ""),
                record("EOE", 7020, "")), pid(4242));

        assertThat(e.id).isEqualTo("web01:1700000000.500:7020");
        assertThat(e.destinationPort).isEqualTo(443);
    }

    @Test
    void eventWithoutEoeIsEmittedAtTheEndOfTheInput() throws Exception {
        List<Event> events = parse(parser,
                syscall(7011, "syscall=42 success=yes exit=0"),
                record("SOCKADDR", 7011, "saddr=020001BBCB0071070000000000000000"));
        assertThat(events).isEmpty();

        parser.endOfInput(events::add);

        assertThat(events).extracting(e -> e.id).containsExactly("web01:1700000000.500:7011");
    }

    @Test
    void socketSyscallAndRecordsOfOtherTypesGiveNothing() throws Exception {
        assertThat(parse(parser,
                syscall(7009, "syscall=41 success=yes exit=3"),
                record("EOE", 7009, ""),
                "type=USER_LOGIN msg=audit(1700000001.000:7010): pid=1 uid=0 msg='op=login acct=\"root\" res=success'",
                "type=EOE msg=audit(1700000001.000:7010): ")).isEmpty();
    }

    @Test
    void execveArgumentsAreDecodedFromHexAndJoinedWhenSplit() throws Exception {
        Event e = only(parse(parser,
                syscall(7011, "syscall=59 success=yes exit=0"),
                record("EXECVE", 7011, "argc=3 a0=\"python3\" a1=\"-c\" a2_len=10 a2[0]=696D706F7274 a2[1]=2073736C"),
                record("EOE", 7011, "")), pid(4242));

        assertThat(e.action).isEqualTo("process_start");
        assertThat(e.processCommandLine).isEqualTo("python3 -c import ssl");
    }

    @Test
    void execveClaimingMoreArgumentsThanLinuxAllowsIsRejectedWithoutReadingThem() throws Exception {
        List<String> record = Files.readAllLines(Path.of("src/test/resources/hostile/auditd/execve-argc-int-max.log"));

        assertThatThrownBy(() -> parseLines(parser, record))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("EXECVE argc 2147483647 is not an argument count (0 to " + AuditEvent.MAX_ARGUMENTS);
    }

    @Test
    void execveArgcBeyondTheArgumentsItsRecordHoldsGivesThoseItHolds() throws Exception {
        Event e = only(parse(parser,
                syscall(7016, "syscall=59 success=yes exit=0"),
                record("EXECVE", 7016, "argc=" + AuditEvent.MAX_ARGUMENTS + " a0=\"python3\" a1=\"-c\""),
                record("EOE", 7016, "")), pid(4242));

        assertThat(e.processCommandLine).isEqualTo("python3 -c");
    }

    @Test
    void hexEncodedExecutableAndEnrichedUserNameAreRead() throws Exception {
        Event e = only(parse(parser,
                "node=web01 type=SYSCALL msg=audit(1700000000.500:7012): arch=c000003e syscall=59 success=yes"
                        + " exit=0 ppid=1 pid=4243 uid=1000 comm=\"my implant\" exe=2F746D702F6D7920696D706C616E74"
                        + "\u001dARCH=x86_64 SYSCALL=execve UID=\"alice\"",
                record("EOE", 7012, "")), pid(4243));

        assertThat(e.processExecutable).isEqualTo("/tmp/my implant");
        assertThat(e.processName).isEqualTo("my implant");
        assertThat(e.userName).isEqualTo("alice");
    }

    @Test
    void failedExecveGivesNothing() throws Exception {
        assertThat(parse(parser, syscall(7013, "syscall=59 success=no exit=-2"), record("EOE", 7013, ""))).isEmpty();
    }

    @Test
    void lineThatIsNotAnAuditRecordIsRejectedWithTheExpectedShape() {
        assertThatThrownBy(() -> parse(parser, "Nov 10 07:48:16 host kernel: hello"))
                .hasMessageContaining("auditd: not an audit record");
    }

    @Test
    void sockaddrThatIsNotHexIsRejected() {
        assertThatThrownBy(() -> parse(parser, syscall(7014, "syscall=42 success=yes exit=0"),
                record("SOCKADDR", 7014, "saddr=zz")))
                .hasMessageContaining("SOCKADDR saddr 'zz' is not a hex sockaddr");
    }

    @Test
    void auditTimeBeyondEpochMillisecondsIsRejectedAsOutOfRange() {
        assertThatThrownBy(() -> parse(parser, "type=EOE msg=audit(99999999999999999999.000:7017): "))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("auditd: audit time '99999999999999999999.000' is a time out of range");
    }

    @Test
    void nonNumericPidIsRejected() {
        assertThatThrownBy(() -> parse(parser,
                "type=SYSCALL msg=audit(1700000000.500:7015): arch=c000003e syscall=42 pid=abc"))
                .hasMessageContaining("field pid 'abc' is not a number");
    }

    /** A complete connect() event: SYSCALL, SOCKADDR and EOE. */
    private List<Event> connect(String syscallFields, String saddr) throws Exception {
        return parse(parser, syscall(7002, syscallFields), record("SOCKADDR", 7002, "saddr=" + saddr),
                record("EOE", 7002, ""));
    }

    /** The connection event of curl's (pid 4242) complete connect() event. */
    private Event curlConnect(String syscallFields, String saddr) throws Exception {
        return only(connect(syscallFields, saddr), pid(4242));
    }

    /** The records of each two consecutive events alternating, as two CPUs writing at once leave them. */
    private static List<String> interleavedInPairs(List<String> lines) {
        Map<String, List<String>> byEvent = new LinkedHashMap<>();
        for (String line : lines) {
            String id = line.substring(line.indexOf("audit("), line.indexOf("):"));
            byEvent.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
        }
        List<List<String>> events = new ArrayList<>(byEvent.values());
        List<String> out = new ArrayList<>();
        for (int pair = 0; pair < events.size(); pair += 2) {
            List<String> a = events.get(pair);
            List<String> b = pair + 1 < events.size() ? events.get(pair + 1) : List.of();
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                if (i < a.size()) {
                    out.add(a.get(i));
                }
                if (i < b.size()) {
                    out.add(b.get(i));
                }
            }
        }
        return out;
    }

    private static String syscall(int serial, String fields) {
        return record("SYSCALL", serial, "arch=c000003e " + fields
                + " ppid=4200 pid=4242 auid=1000 uid=1000 comm=\"curl\" exe=\"/usr/bin/curl\"");
    }

    private static String record(String type, int serial, String fields) {
        return "node=web01 type=" + type + " msg=audit(1700000000.500:" + serial + "): " + fields;
    }
}
