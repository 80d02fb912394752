package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.windows.SysmonSamples.parse;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;
import static org.t1573.ingest.windows.SysmonSamples.tree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** The "windows" channel: one parser for a stream that mixes Sysmon, Winlogbeat and Defender records. */
class WindowsRecordParserTest {

    private static final String SYSMON_NXLOG = SysmonSamples.firstLine(SysmonSamples.COVENANT,
            SysmonSamples.eventId(3));
    private static final String SYSMON_2023 = SysmonSamples.firstLine(SysmonSamples.LSASS,
            SysmonSamples.eventId(7));
    private static final String DEFENDER_ROW = """
            {"Timestamp":"2023-08-16T04:54:34Z","DeviceId":"d1","DeviceName":"mkt01","ActionType":"ConnectionSuccess",
             "RemoteIP":"10.0.5.13","RemotePort":8080,"LocalIP":"192.168.1.41","LocalPort":51129,"Protocol":"Tcp",
             "InitiatingProcessFileName":"winx64_payload.exe","InitiatingProcessId":1988,"ReportId":7}
            """;
    private static final String DEFENDER_ENVELOPE = """
            {"time":"2023-08-16T04:54:40Z","category":"AdvancedHunting-DeviceImageLoadEvents",
             "properties":{"Timestamp":"2023-08-16T04:54:31Z","DeviceId":"d1","DeviceName":"mkt01",
               "ActionType":"ImageLoaded","FileName":"bcrypt.dll","FolderPath":"C:\\\\Windows\\\\System32\\\\bcrypt.dll",
               "InitiatingProcessFileName":"winx64_payload.exe","InitiatingProcessId":1988,"ReportId":8}}
            """;
    private static final String DEFENDER_BATCH = "{\"records\":[" + DEFENDER_ENVELOPE + "," + DEFENDER_ENVELOPE + "]}";

    private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile", "windows");

    private final WindowsRecordParser parser = new WindowsRecordParser();

    @Test
    void eachRecordShapeIsRecognised() {
        assertThat(WindowsShape.of(tree(SYSMON_NXLOG))).isEqualTo(WindowsShape.SYSMON);
        assertThat(WindowsShape.of(tree(SYSMON_2023))).isEqualTo(WindowsShape.SYSMON);
        assertThat(WindowsShape.of(tree(WinlogbeatSysmonParserTest.NESTED_CONNECTION))).isEqualTo(WindowsShape.WINLOGBEAT);
        assertThat(WindowsShape.of(tree(WinlogbeatSysmonParserTest.DOTTED_IMAGE_LOAD))).isEqualTo(WindowsShape.WINLOGBEAT);
        assertThat(WindowsShape.of(tree(DEFENDER_ROW))).isEqualTo(WindowsShape.DEFENDER);
        assertThat(WindowsShape.of(tree(DEFENDER_ENVELOPE))).isEqualTo(WindowsShape.DEFENDER);
        assertThat(WindowsShape.of(tree(DEFENDER_BATCH))).isEqualTo(WindowsShape.DEFENDER);
        assertThat(WindowsShape.of(tree("{\"ts\":1,\"uid\":\"C1\"}"))).isNull();
    }

    @Test
    void twoSysmonRecordsOnOneLineAreADeadLetter() throws Exception {
        String line = Files.readString(HOSTILE.resolve("two-objects-one-line.ndjson")).strip();

        assertThatThrownBy(() -> parser.parse(line, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("windows: more than one JSON value in the record");
    }

    @Test
    void aYearNoEpochMillisecondHoldsIsADeadLetterSayingSo() throws Exception {
        String line = Files.readString(HOSTILE.resolve("utc-time-year-999999999.ndjson")).strip();

        assertThatThrownBy(() -> parser.parse(line, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field UtcTime '+999999999-03-02 08:00:00.000' is a time out of range");
    }

    @Test
    void aMixedStreamIsDelegatedRecordByRecordToTheRightParser() throws Exception {
        List<Event> events = new ArrayList<>();
        for (String record : List.of(SYSMON_NXLOG, WinlogbeatSysmonParserTest.NESTED_CONNECTION,
                DEFENDER_ROW, DEFENDER_ENVELOPE, DEFENDER_BATCH, SYSMON_2023)) {
            parser.parse(record, events::add);
        }

        assertThat(events).extracting(e -> e.dataset).containsExactly(
                "sysmon",
                "winlogbeat.sysmon",
                "defender.DeviceNetworkEvents",
                "defender.DeviceImageLoadEvents",
                "defender.DeviceImageLoadEvents",
                "defender.DeviceImageLoadEvents",
                "sysmon");
    }

    @Test
    void delegatedResultEqualsTheSpecificParsersResult() throws Exception {
        Event viaChannel = parseOne(parser, DEFENDER_ROW);
        Event direct = parseOne(new DefenderParser(), DEFENDER_ROW);

        assertThat(viaChannel.toString()).isEqualTo(direct.toString());
        assertThat(viaChannel.destinationPort).isEqualTo(8080);
    }

    @Test
    void wellFormedRecordOfAnUnusedKindGivesNothing() throws Exception {
        assertThat(parse(parser, SYSMON_NXLOG.replace("\"EventID\":3,", "\"EventID\":13,"))).isEmpty();
    }

    @Test
    void recordOfNoKnownShapeIsADeadLetterWithAReadableReason() {
        assertThatThrownBy(() -> parser.parse("{\"ts\":1692161674.1,\"uid\":\"CHhAvVGS1DHFjwGM9\"}", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("windows: record matches no known shape (Sysmon, CAPI2, Winlogbeat, Defender, EVTX JSON)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>", "{\"EventID\": 3,"})
    void textThatIsNotJsonIsADeadLetter(String record) {
        assertThatThrownBy(() -> parser.parse(record, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("windows: not JSON: ");
    }

    @Test
    void jsonThatIsNotAnObjectIsADeadLetter() {
        assertThatThrownBy(() -> parser.parse("\"EventID\"", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("windows: record is JSON but not an object (got string)");
    }

    @Test
    void delegatedParsersReportErrorsUnderTheirOwnName() {
        String badSysmon = SYSMON_2023.replaceFirst("\"UtcTime\":\"[^\"]+\"", "\"UtcTime\":\"2023-13-99 00:00:00.000\"");

        assertThatThrownBy(() -> parser.parse(badSysmon, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("sysmon: field UtcTime '2023-13-99 00:00:00.000' is not a time");
    }
}
