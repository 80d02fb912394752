package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.windows.SysmonSamples.JSON;
import static org.t1573.ingest.windows.SysmonSamples.parse;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;
import static org.t1573.ingest.windows.SysmonSamples.sysmonUtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** Edge cases of flat Sysmon JSON, built inline from the shape of the real records. */
class SysmonJsonParserTest {

    private final SysmonJsonParser parser = new SysmonJsonParser();

    /** A 2023-variant EID 3 record with string values, as in the LSASS capture. */
    private static ObjectNode connection() {
        ObjectNode n = JSON.createObjectNode();
        n.put("SourceName", "Microsoft-Windows-Sysmon");
        n.put("Hostname", "MKT01.pandalab.com");
        n.put("TimeCreated", "2023-08-15T09:54:33.329Z");
        n.put("@timestamp", "2023-08-15T09:54:33.329Z");
        n.put("EventID", 3);
        n.put("UtcTime", "2023-08-10 14:39:59.419");
        n.put("ProcessGuid", "{81056205-5686-64dc-3b04-000000000800}");
        n.put("ProcessId", "1988");
        n.put("Image", "C:\\Users\\stevie.marie\\Downloads\\winx64_payload.exe");
        n.put("User", "PANDALAB\\pedro.gustavo");
        n.put("Protocol", "tcp");
        n.put("Initiated", "true");
        n.put("SourceIp", "192.168.1.41");
        n.put("SourcePort", "51129");
        n.put("DestinationIp", "10.0.5.13");
        n.put("DestinationHostname", "-");
        n.put("DestinationPort", "8080");
        return n;
    }

    @Test
    void eventIdMayBeAString() throws Exception {
        ObjectNode n = connection().put("EventID", "3");

        Event e = parseOne(parser, n.toString());

        assertThat(e.code).isEqualTo("3");
        assertThat(e.action).isEqualTo("network_connection");
    }

    @Test
    void numbersMayBeJsonNumbers() throws Exception {
        ObjectNode n = connection().put("ProcessId", 1988).put("DestinationPort", 8080);

        Event e = parseOne(parser, n.toString());

        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.destinationPort).isEqualTo(8080);
    }

    @Test
    void unusedEventIdsGiveNoEventAndNoError() throws Exception {
        assertThat(parse(parser, connection().put("EventID", 11).toString())).isEmpty();
        assertThat(parse(parser, connection().put("EventID", "13").toString())).isEmpty();
    }

    @Test
    void anotherProvidersEventWithASysmonEventIdIsIgnored() throws Exception {
        ObjectNode security = connection().put("SourceName", "Microsoft-Windows-Security-Auditing").put("EventID", 1);

        assertThat(parse(parser, security.toString())).isEmpty();
    }

    @Test
    void notInitiatedConnectionIsInboundAndNamedDestinationHostnameIsKept() throws Exception {
        ObjectNode n = connection().put("Initiated", "false").put("DestinationHostname", "handler.example");

        Event e = parseOne(parser, n.toString());

        assertThat(e.networkDirection).isEqualTo("inbound");
        assertThat(e.destinationDomain).isEqualTo("handler.example");
    }

    @Test
    void emptyStringAndDashMeanAbsent() throws Exception {
        ObjectNode n = connection().put("User", "").put("SourceIp", "-").put("SourcePort", "");

        Event e = parseOne(parser, n.toString());

        assertThat(e.userName).isNull();
        assertThat(e.sourceIp).isNull();
        assertThat(e.sourcePort).isNull();
    }

    @Test
    void withoutUtcTimeTheShippersTimestampIsTheEventTime() throws Exception {
        ObjectNode n = connection();
        n.remove("UtcTime");

        Event e = parseOne(parser, n.toString());

        assertThat(e.timestamp).isEqualTo(SysmonSamples.iso("2023-08-15T09:54:33.329Z"));
    }

    @Test
    void nxlogEventReceivedTimeIsTheLastResortForCreated() throws Exception {
        ObjectNode n = connection().put("EventReceivedTime", "2020-09-19 21:18:13");
        n.remove("TimeCreated");
        n.remove("@timestamp");

        Event e = parseOne(parser, n.toString());

        assertThat(e.created).isEqualTo(sysmonUtc("2020-09-19 21:18:13.000"));
    }

    @Test
    void eventRecordIdIsScopedByHostLikeRecordNumber() throws Exception {
        Event e = parseOne(parser, connection().put("EventRecordID", 4711).toString());

        assertThat(e.id).isEqualTo("MKT01.pandalab.com:4711");
    }

    @Test
    void badUtcTimeIsReportedWithFieldAndValue() {
        String record = connection().put("UtcTime", "2023-13-99 00:00:00.000").toString();

        assertThatThrownBy(() -> parser.parse(record, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("sysmon: field UtcTime '2023-13-99 00:00:00.000' is not a time");
    }

    @Test
    void missingEventIdIsMalformed() {
        ObjectNode n = connection();
        n.remove("EventID");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("sysmon: field EventID or EventId is missing");
    }

    @Test
    void nonNumericEventIdIsMalformed() {
        String record = connection().put("EventID", "three").toString();

        assertThatThrownBy(() -> parser.parse(record, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'three' is not an event id");
    }

    @Test
    void recordWithNoTimeAtAllIsMalformed() {
        ObjectNode n = connection();
        n.remove("UtcTime");
        n.remove("@timestamp");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("sysmon: no event time");
    }

    @Test
    void unparsableProcessIdAndPortAreMalformed() {
        assertThatThrownBy(() -> parser.parse(connection().put("ProcessId", "0x7c4").toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field ProcessId '0x7c4' is not a whole number");
        assertThatThrownBy(() -> parser.parse(connection().put("DestinationPort", "70000").toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field DestinationPort '70000' is not a port");
    }

    @Test
    void signedThatIsNeitherTrueNorFalseIsMalformed() {
        ObjectNode load = connection().put("EventID", 7).put("ImageLoaded", "C:\\x.dll").put("Signed", "maybe");

        assertThatThrownBy(() -> parser.parse(load.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field Signed 'maybe' is not true or false");
    }

    @Test
    void objectWhereAValueBelongsIsMalformed() {
        ObjectNode n = connection();
        n.putObject("Image").put("path", "C:\\x.exe");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("field Image is object, expected a single value");
    }

    @Test
    void notJsonAndNonObjectJsonAreMalformed() {
        assertThatThrownBy(() -> parser.parse("EventID=3 Image=x", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("sysmon: not JSON");
        assertThatThrownBy(() -> parser.parse("[1,2]", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("record is JSON but not an object (got array)");
        assertThatThrownBy(() -> parser.parse("  ", e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("empty record");
    }

    @Test
    void parserSurvivesJavaSerializationAndStillParses() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new WindowsRecordParser());
        }
        WindowsRecordParser copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (WindowsRecordParser) in.readObject();
        }

        assertThat(parseOne(copy, connection().toString()).destinationIp).isEqualTo("10.0.5.13");
    }
}
