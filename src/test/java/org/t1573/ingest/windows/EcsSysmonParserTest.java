package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.windows.SysmonSamples.lines;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;
import static org.t1573.ingest.windows.SysmonSamples.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.t1573.event.Event;
import org.t1573.event.EventField;
import org.t1573.ingest.MalformedRecordException;

/** Sysmon renamed to ECS by the Winlogbeat / Elastic Agent sysmon pipeline, against its flat twin. */
class EcsSysmonParserTest {

    private static final Path DIR = Path.of("src", "test", "resources", "windows-ecs");
    private static final List<String> ECS = lines(DIR.resolve("sysmon-ecs.ndjson"));
    private static final List<String> FLAT = lines(DIR.resolve("sysmon-flat.ndjson"));

    private final WindowsRecordParser parser = new WindowsRecordParser();

    static Stream<Arguments> twins() {
        return IntStream.range(0, ECS.size())
                .mapToObj(i -> Arguments.of(tree(FLAT.get(i)).get("EventID").asInt(), ECS.get(i), FLAT.get(i)));
    }

    @ParameterizedTest(name = "event {0}")
    @MethodSource("twins")
    void everyFieldIsTheFlatTwinsExceptTheDataset(int eventId, String ecs, String flat) throws Exception {
        assertThat(WindowsShape.of(tree(ecs))).isEqualTo(WindowsShape.WINLOGBEAT_ECS);
        Event fromEcs = parseOne(parser, ecs);
        Event fromFlat = parseOne(parser, flat);

        for (EventField field : EventField.values()) {
            if (field != EventField.DATASET) {
                assertThat(field.get(fromEcs)).as(field.ecsName()).isEqualTo(field.get(fromFlat));
            }
        }
        assertThat(fromEcs.dataset).isEqualTo("winlogbeat.sysmon");
    }

    /** The comparison above means something only if the twins carry the fields the analytics read. */
    @Test
    void theTwinsCarryEachEventsFields() throws Exception {
        List<Event> events = new ArrayList<>();
        for (String line : ECS) {
            events.add(parseOne(parser, line));
        }
        Event start = events.get(0);
        assertThat(start.processCommandLine).contains("msupd.dll,Start");
        assertThat(start.processHashSha256).as("upper case, as Sysmon writes it")
                .isEqualTo("9F1A3C5E7B2D4F6081A3C5E7092B4D6F8E0A2C4E6F8091B3D5F7A9C1E3B5D7F9");
        assertThat(start.parentName).isEqualTo("explorer.exe");
        assertThat(start.parentPid).isEqualTo(3312L);
        assertThat(start.userName).as("user.domain and user.name, not winlog.user").isEqualTo("SAMPLECORP\\carol");
        assertThat(start.timestamp).as("@timestamp is UtcTime").isEqualTo(SysmonSamples.iso("2026-03-03T10:00:00.000Z"));
        assertThat(start.created).as("event.created").isEqualTo(SysmonSamples.iso("2026-03-03T10:00:00.140Z"));
        assertThat(start.id).isEqualTo("WS-SAMPLE-04:41201");

        Event load = events.get(1);
        assertThat(load.dllPath).isEqualTo("C:\\Windows\\System32\\bcryptprimitives.dll");
        assertThat(load.dllSigned).isTrue();
        assertThat(load.dllSignatureStatus).isEqualTo("Valid");

        assertThat(events.get(2).destinationDomain).isEqualTo("update-cdn.example.net");

        Event connect = events.get(3);
        assertThat(connect.destinationIp).isEqualTo("203.0.113.77");
        assertThat(connect.destinationPort).isEqualTo(4444);
        assertThat(connect.sourcePort).isEqualTo(50111);
        assertThat(connect.networkTransport).isEqualTo("tcp");
        assertThat(connect.networkDirection).isEqualTo("outbound");

        assertThat(events.get(6).action).isEqualTo("process_end");
        assertThat(events).allSatisfy(e -> assertThat(e.processEntityId)
                .isEqualTo("{5c1e7a90-6b10-69a5-0104-000000000700}"));
    }

    @Test
    void dllPathIsReadBeforeFilePath() throws Exception {
        ObjectNode load = (ObjectNode) tree(ECS.get(1));
        load.putObject("dll").put("path", "C:\\Windows\\System32\\rsaenh.dll");
        assertThat(parseOne(parser, load.toString()).dllName).isEqualTo("rsaenh.dll");
    }

    @Test
    void ingressIsAnInboundConnection() throws Exception {
        ObjectNode connect = (ObjectNode) tree(ECS.get(3));
        connect.with("network").put("direction", "ingress");
        assertThat(parseOne(parser, connect.toString()).networkDirection).isEqualTo("inbound");
    }

    @Test
    void badValuesNameTheEcsField() {
        ObjectNode pid = (ObjectNode) tree(ECS.get(3));
        pid.with("process").put("pid", "six");
        assertThatThrownBy(() -> parser.parse(pid.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("winlogbeat: field process.pid 'six' is not a whole number");

        ObjectNode direction = (ObjectNode) tree(ECS.get(3));
        direction.with("network").put("direction", "sideways");
        assertThatThrownBy(() -> parser.parse(direction.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("winlogbeat: field network.direction 'sideways' is not true or false");

        ObjectNode user = (ObjectNode) tree(ECS.get(0));
        user.with("user").putArray("name").add("carol");
        assertThatThrownBy(() -> parser.parse(user.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("winlogbeat: field user.name is array, expected a single value");
    }

    @Test
    void aRecordWithoutTimeIsAnError() {
        ObjectNode load = (ObjectNode) tree(ECS.get(1));
        load.remove("@timestamp");
        assertThatThrownBy(() -> parser.parse(load.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("winlogbeat: no event time: field winlog.event_data.UtcTime and @timestamp are missing");
    }

    @Test
    void winlogbeatRecordsWithTheirEventDataKeepTheirShape() {
        assertThat(WindowsShape.of(tree(WinlogbeatSysmonParserTest.NESTED_CONNECTION)))
                .isEqualTo(WindowsShape.WINLOGBEAT);
        assertThat(WindowsShape.of(tree(WinlogbeatSysmonParserTest.DOTTED_IMAGE_LOAD)))
                .isEqualTo(WindowsShape.WINLOGBEAT);
    }
}
