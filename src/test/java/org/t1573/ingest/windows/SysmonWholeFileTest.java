package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.t1573.event.Event;
import org.t1573.ingest.RecordParser;

/** Every record of every real capture, through both the Sysmon parser and the channel parser. */
class SysmonWholeFileTest {

    private static final Map<Integer, String> ACTION_OF_EVENT_ID = Map.of(
            1, "process_start", 3, "network_connection", 5, "process_end", 7, "library_load", 8, "remote_thread",
            10, "process_access", 22, "dns_query");

    static Stream<Path> files() {
        return SysmonSamples.allFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyRecordParsesAndEachUsedEventIdGivesOneEventOfItsAction(Path file) throws Exception {
        Map<String, Integer> expected = countActionsByEventId(file);

        Map<String, Integer> actual = new HashMap<>();
        for (Event e : parseAll(new SysmonJsonParser(), file)) {
            actual.merge(e.action, 1, Integer::sum);
        }

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("files")
    void theWindowsChannelParserGivesTheSameEventsAsTheSysmonParser(Path file) throws Exception {
        List<Event> direct = parseAll(new SysmonJsonParser(), file);
        List<Event> viaChannel = parseAll(new WindowsRecordParser(), file);

        assertThat(viaChannel).hasSameSizeAs(direct);
        for (int i = 0; i < direct.size(); i++) {
            assertThat(org.t1573.event.EventField.describe(viaChannel.get(i))).isEqualTo(org.t1573.event.EventField.describe(direct.get(i)));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void idsAreUniqueExceptForByteIdenticalDuplicateRecords(Path file) throws Exception {
        Set<String> ids = new HashSet<>();
        Set<String> distinctLines = new HashSet<>();
        SysmonJsonParser parser = new SysmonJsonParser();
        for (String line : SysmonSamples.lines(file)) {
            List<Event> events = SysmonSamples.parse(parser, line);
            if (!events.isEmpty()) {
                distinctLines.add(line);
                ids.add(events.get(0).id);
            }
        }
        assertThat(ids).hasSameSizeAs(distinctLines);
    }

    static Stream<Arguments> c2Connections() {
        return Stream.of(
                Arguments.of(SysmonSamples.LSASS, "winx64_payload.exe", "10.0.5.13", 8080, 4),
                Arguments.of(SysmonSamples.LSASS, "svchost.exe", "10.0.5.13", 8080, 1),
                Arguments.of(SysmonSamples.COVENANT, "InstallUtil.exe", "10.10.10.5", 80, 1),
                Arguments.of(SysmonSamples.EMPIRE_SCT, "powershell.exe", "10.10.10.5", 80, 9),
                Arguments.of(SysmonSamples.EMPIRE_SCT, "regsvr32.exe", "10.10.10.5", 8444, 1),
                Arguments.of(SysmonSamples.EMPIRE_VBS, "powershell.exe", "10.10.10.5", 80, 1),
                Arguments.of(SysmonSamples.REG_METERPRETER, "payload.exe", "192.168.56.40", 8443, 2));
    }

    @ParameterizedTest
    @MethodSource("c2Connections")
    void documentedC2ConnectionsAreAllFound(Path file, String process, String ip, int port, int count)
            throws Exception {
        long found = parseAll(new SysmonJsonParser(), file).stream()
                .filter(e -> "network_connection".equals(e.action))
                .filter(e -> process.equals(e.processName) && ip.equals(e.destinationIp))
                .filter(e -> e.destinationPort == port)
                .count();

        assertThat(found).isEqualTo(count);
    }

    /** Counted with a plain JSON read, independently of the parser. */
    private static Map<String, Integer> countActionsByEventId(Path file) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : SysmonSamples.lines(file)) {
            JsonNode node = SysmonSamples.tree(line);
            String action = ACTION_OF_EVENT_ID.get(node.get("EventID").asInt());
            if (action != null) {
                counts.merge(action, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<Event> parseAll(RecordParser parser, Path file) throws Exception {
        List<Event> events = new ArrayList<>();
        for (String line : SysmonSamples.lines(file)) {
            parser.parse(line, events::add);
        }
        return events;
    }
}
