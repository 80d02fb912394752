package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.windows.SysmonSamples.JSON;
import static org.t1573.ingest.windows.SysmonSamples.iso;
import static org.t1573.ingest.windows.SysmonSamples.parse;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** Defender for Endpoint Advanced Hunting rows: flat exports, streaming envelopes, Event Hub batches. */
class DefenderParserTest {

    private static final String DEVICE_ID = "b2f0c5a1d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8";

    private final DefenderParser parser = new DefenderParser();

    /** The initiating-process columns every row of the three tables has. */
    private static ObjectNode row(String actionType) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Timestamp", "2023-08-16T04:54:34.1234567Z");
        n.put("DeviceId", DEVICE_ID);
        n.put("DeviceName", "mkt01.pandalab.com");
        n.put("ActionType", actionType);
        n.put("InitiatingProcessFileName", "winx64_payload.exe");
        n.put("InitiatingProcessFolderPath", "c:\\users\\stevie.marie\\downloads\\winx64_payload.exe");
        n.put("InitiatingProcessId", 1988);
        n.put("InitiatingProcessCommandLine", "\"winx64_payload.exe\" ");
        n.put("InitiatingProcessCreationTime", "2023-08-16T04:54:30.9871234Z");
        n.put("InitiatingProcessAccountName", "pedro.gustavo");
        n.put("InitiatingProcessAccountDomain", "pandalab");
        n.put("InitiatingProcessSHA256", "e9196b871670af6307902fc4ca09f7cf3c309ae54b28e10d052ed8741090f928");
        n.put("InitiatingProcessParentFileName", "explorer.exe");
        n.put("InitiatingProcessParentId", 4544);
        n.put("ReportId", 12345);
        return n;
    }

    private static ObjectNode networkRow(String actionType) {
        return row(actionType)
                .put("RemoteIP", "10.0.5.13").put("RemotePort", 8080).put("RemoteUrl", "")
                .put("RemoteIPType", "Private").put("LocalIP", "192.168.1.41").put("LocalPort", "51129")
                .put("Protocol", "Tcp");
    }

    private static ObjectNode imageLoadRow() {
        return row("ImageLoaded")
                .put("FileName", "bcryptprimitives.dll")
                .put("FolderPath", "C:\\Windows\\System32\\bcryptprimitives.dll")
                .put("SHA256", "2ae5378430807a84fd862e30a1305426a8d016080a1a248c6b4b5f5cda198ee4");
    }

    private static ObjectNode envelope(String table, ObjectNode properties) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", "2023-08-16T04:54:40.0000000Z");
        n.put("tenantId", "0f0e0d0c-0000-4000-8000-000000000000");
        n.put("operationName", "Publish");
        n.put("category", "AdvancedHunting-" + table);
        n.set("properties", properties);
        return n;
    }

    @Test
    void flatNetworkRowMapsEveryColumn() throws Exception {
        ObjectNode n = networkRow("ConnectionSuccess").put("SentBytes", 4200).put("ReceivedBytes", "98000");

        Event e = parseOne(parser, n.toString());

        assertThat(e.dataset).isEqualTo("defender.DeviceNetworkEvents");
        assertThat(e.provider).isEqualTo("Microsoft Defender for Endpoint");
        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.category).isEqualTo("network");
        assertThat(e.code).isEqualTo("ConnectionSuccess");
        assertThat(e.outcome).isEqualTo("success");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.timestamp).isEqualTo(iso("2023-08-16T04:54:34.123Z"));
        assertThat(e.id).isEqualTo(DEVICE_ID + ":12345");
        assertThat(e.hostName).isEqualTo("mkt01.pandalab.com");
        assertThat(e.hostId).isEqualTo(DEVICE_ID);
        assertThat(e.userName).isEqualTo("pandalab\\pedro.gustavo");
        assertThat(e.processEntityId).isNull();
        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.processExecutable).isEqualTo("c:\\users\\stevie.marie\\downloads\\winx64_payload.exe");
        assertThat(e.processCommandLine).isEqualTo("\"winx64_payload.exe\" ");
        assertThat(e.processStart).isEqualTo(iso("2023-08-16T04:54:30.987Z"));
        assertThat(e.processHashSha256).isEqualTo("e9196b871670af6307902fc4ca09f7cf3c309ae54b28e10d052ed8741090f928");
        assertThat(e.parentName).isEqualTo("explorer.exe");
        assertThat(e.parentPid).isEqualTo(4544L);
        assertThat(e.destinationIp).isEqualTo("10.0.5.13");
        assertThat(e.destinationPort).isEqualTo(8080);
        assertThat(e.destinationDomain).as("empty RemoteUrl").isNull();
        assertThat(e.sourceIp).isEqualTo("192.168.1.41");
        assertThat(e.sourcePort).isEqualTo(51129);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.bytesOut).isEqualTo(4200L);
        assertThat(e.bytesIn).isEqualTo(98000L);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "ConnectionSuccess,          network_connection, success, outbound",
        "ConnectionFailed,           network_connection, failure, outbound",
        "ConnectionAttempt,          network_connection, unknown, outbound",
        "InboundConnectionAccepted,  network_connection, success, inbound",
        "ListeningConnectionCreated, listen,             success, null",
    })
    void eachConnectionActionTypeHasItsActionOutcomeAndDirection(
            String actionType, String action, String outcome, String direction) throws Exception {
        Event e = parseOne(parser, networkRow(actionType).toString());

        assertThat(e.action).isEqualTo(action);
        assertThat(e.outcome).isEqualTo(outcome);
        assertThat(e.networkDirection).isEqualTo(direction);
    }

    @Test
    void networkActionTypesNoAnalyticUsesGiveNothing() throws Exception {
        assertThat(parse(parser, networkRow("NetworkSignatureInspected").toString())).isEmpty();
    }

    @Test
    void remoteUrlBecomesTheDestinationDomainWithoutSchemeOrPath() throws Exception {
        ObjectNode n = networkRow("ConnectionSuccess").put("RemoteUrl", "https://cdn.example.net/a/b");

        assertThat(parseOne(parser, n.toString()).destinationDomain).isEqualTo("cdn.example.net");
    }

    @Test
    void flatImageLoadRowIsALibraryLoadOfTheInitiatingProcess() throws Exception {
        Event e = parseOne(parser, imageLoadRow().toString());

        assertThat(e.dataset).isEqualTo("defender.DeviceImageLoadEvents");
        assertThat(e.action).isEqualTo("library_load");
        assertThat(e.category).isEqualTo("library");
        assertThat(e.dllName).isEqualTo("bcryptprimitives.dll");
        assertThat(e.dllPath).isEqualTo("C:\\Windows\\System32\\bcryptprimitives.dll");
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.destinationIp).isNull();
    }

    @Test
    void foldersWithoutTheFileNameGetItAppended() throws Exception {
        ObjectNode n = imageLoadRow().put("FolderPath", "C:\\Windows\\System32")
                .put("InitiatingProcessFolderPath", "c:\\users\\stevie.marie\\downloads\\");

        Event e = parseOne(parser, n.toString());

        assertThat(e.dllPath).isEqualTo("C:\\Windows\\System32\\bcryptprimitives.dll");
        assertThat(e.processExecutable).isEqualTo("c:\\users\\stevie.marie\\downloads\\winx64_payload.exe");
    }

    @Test
    void rowWithoutActionTypeIsToldApartByItsColumns() throws Exception {
        ObjectNode load = imageLoadRow();
        load.remove("ActionType");
        ObjectNode connection = networkRow("ConnectionSuccess");
        connection.remove("ActionType");

        assertThat(parseOne(parser, load.toString()).dataset).isEqualTo("defender.DeviceImageLoadEvents");
        Event e = parseOne(parser, connection.toString());
        assertThat(e.dataset).isEqualTo("defender.DeviceNetworkEvents");
        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.outcome).as("without ActionType the outcome is not known").isEqualTo("unknown");
        assertThat(e.networkDirection).isNull();
    }

    @Test
    void declaredTableColumnWinsOverColumnGuessing() throws Exception {
        ObjectNode fileEvent = imageLoadRow().put("ActionType", "FileCreated").put("$table", "DeviceFileEvents");
        ObjectNode typed = imageLoadRow().put("Type", "DeviceImageLoadEvents");

        assertThat(parse(parser, fileEvent.toString())).isEmpty();
        assertThat(parseOne(parser, typed.toString()).action).isEqualTo("library_load");
    }

    @Test
    void processCreatedMakesTheNewProcessTheSubjectAndTheInitiatorItsParent() throws Exception {
        ObjectNode n = row("ProcessCreated")
                .put("FileName", "powershell.exe")
                .put("FolderPath", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")
                .put("ProcessId", 9076)
                .put("ProcessCommandLine", "powershell -noP -sta -w 1 -enc SQBmAC...")
                .put("ProcessCreationTime", "2023-08-16T04:55:00Z")
                .put("SHA256", "908b64b1971a979c7e3e8ce4621945cba84854cb98d76367b791a6e22b5f6d53")
                .put("AccountDomain", "mordor").put("AccountName", "pgustavo");

        Event e = parseOne(parser, n.toString());

        assertThat(e.dataset).isEqualTo("defender.DeviceProcessEvents");
        assertThat(e.action).isEqualTo("process_start");
        assertThat(e.processName).isEqualTo("powershell.exe");
        assertThat(e.processPid).isEqualTo(9076L);
        assertThat(e.processStart).isEqualTo(iso("2023-08-16T04:55:00Z"));
        assertThat(e.processHashSha256).startsWith("908b64b1");
        assertThat(e.userName).isEqualTo("mordor\\pgustavo");
        assertThat(e.parentName).isEqualTo("winx64_payload.exe");
        assertThat(e.parentPid).isEqualTo(1988L);
        assertThat(e.parentExecutable).isEqualTo("c:\\users\\stevie.marie\\downloads\\winx64_payload.exe");
    }

    @Test
    void streamingEnvelopeTakesTheTableFromCategory() throws Exception {
        Event e = parseOne(parser, envelope("DeviceNetworkEvents", networkRow("ConnectionFailed")).toString());

        assertThat(e.dataset).isEqualTo("defender.DeviceNetworkEvents");
        assertThat(e.outcome).isEqualTo("failure");
        assertThat(e.timestamp).as("the row's Timestamp").isEqualTo(iso("2023-08-16T04:54:34.123Z"));
    }

    @Test
    void envelopeTimeStandsInForAMissingRowTimestamp() throws Exception {
        ObjectNode row = imageLoadRow();
        row.remove("Timestamp");

        Event e = parseOne(parser, envelope("DeviceImageLoadEvents", row).toString());

        assertThat(e.timestamp).isEqualTo(iso("2023-08-16T04:54:40Z"));
    }

    @Test
    void envelopeOfAnotherTableGivesNothing() throws Exception {
        assertThat(parse(parser, envelope("DeviceRegistryEvents", row("RegistryValueSet")).toString())).isEmpty();
    }

    @Test
    void eventHubBatchEmitsOneEventPerUsableRecordInOrder() throws Exception {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode records = batch.putArray("records");
        records.add(envelope("DeviceImageLoadEvents", imageLoadRow()));
        records.add(envelope("DeviceNetworkEvents", networkRow("ConnectionSuccess").put("ReportId", 12346)));
        records.add(envelope("DeviceFileEvents", row("FileCreated")));
        records.add(envelope("DeviceNetworkEvents", networkRow("ConnectionSuccess").put("ReportId", 12347)));

        List<Event> events = parse(parser, batch.toString());

        assertThat(events).extracting(e -> e.action)
                .containsExactly("library_load", "network_connection", "network_connection");
        assertThat(events).extracting(e -> e.id)
                .containsExactly(DEVICE_ID + ":12345", DEVICE_ID + ":12346", DEVICE_ID + ":12347");
    }

    @Test
    void aBadRecordInABatchFailsTheWholeBatchBeforeAnythingIsEmitted() {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode records = batch.putArray("records");
        records.add(envelope("DeviceImageLoadEvents", imageLoadRow()));
        records.add(envelope("DeviceNetworkEvents", networkRow("ConnectionSuccess").put("RemotePort", "http")));
        List<Event> emitted = new ArrayList<>();

        assertThatThrownBy(() -> parser.parse(batch.toString(), emitted::add))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("defender records[1]: field RemotePort 'http' is not a whole number");
        assertThat(emitted).isEmpty();
    }

    @Test
    void batchEntriesThatAreNotEnvelopesAndNonArrayRecordsAreMalformed() {
        assertThatThrownBy(() -> parser.parse("{\"records\":[{\"foo\":1}]}", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("defender records[0]: not a streaming API record");
        assertThatThrownBy(() -> parser.parse("{\"records\":{}}", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("defender: field records is not an array");
    }

    @Test
    void rowWithoutTimestampIsMalformed() {
        ObjectNode n = networkRow("ConnectionSuccess");
        n.remove("Timestamp");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("defender: field Timestamp is missing");
    }

    @Test
    void rowWithNeitherNetworkNorFileColumnsIsMalformed() {
        ObjectNode n = row("SomethingElse");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("cannot tell its table");
    }

    @Test
    void rowWithoutReportIdGetsAStableHashId() throws Exception {
        ObjectNode n = networkRow("ConnectionSuccess");
        n.remove("ReportId");

        String first = parseOne(parser, n.toString()).id;

        assertThat(first).matches("[0-9a-f]{16}").isEqualTo(parseOne(parser, n.toString()).id);
    }
}
