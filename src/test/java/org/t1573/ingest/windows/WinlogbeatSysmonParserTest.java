package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.windows.SysmonSamples.iso;
import static org.t1573.ingest.windows.SysmonSamples.parse;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;
import static org.t1573.ingest.windows.SysmonSamples.sysmonUtc;

import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** Sysmon as Winlogbeat 8 / Elastic Agent ship it, nested and with dotted flat keys. */
class WinlogbeatSysmonParserTest {

    private final WinlogbeatSysmonParser parser = new WinlogbeatSysmonParser();

    /** A Winlogbeat 8.x Sysmon EID 3 document with nested objects, record_id as a string. */
    static final String NESTED_CONNECTION = """
            {"@timestamp":"2023-08-16T04:54:34.501Z",
             "event":{"code":"3","created":"2023-08-16T04:54:35.120Z","provider":"Microsoft-Windows-Sysmon","kind":"event"},
             "host":{"name":"mkt01","id":"7c1f2a6e-0000-4b1e-9d7c-1a2b3c4d5e6f"},
             "winlog":{"channel":"Microsoft-Windows-Sysmon/Operational","computer_name":"MKT01.pandalab.com",
               "event_id":"3","provider_name":"Microsoft-Windows-Sysmon","record_id":"1819168",
               "event_data":{"RuleName":"-","UtcTime":"2023-08-16 04:54:34.419",
                 "ProcessGuid":"{81056205-5686-64dc-3b04-000000000800}","ProcessId":"1988",
                 "Image":"C:\\\\Users\\\\stevie.marie\\\\Downloads\\\\winx64_payload.exe",
                 "User":"PANDALAB\\\\pedro.gustavo","Protocol":"tcp","Initiated":"true",
                 "SourceIsIpv6":"false","SourceIp":"192.168.1.41","SourceHostname":"-","SourcePort":"51129",
                 "DestinationIsIpv6":"false","DestinationIp":"10.0.5.13","DestinationHostname":"-",
                 "DestinationPort":"8080","DestinationPortName":"-"}}}
            """;

    /** The same kind of document after a pipeline flattened it to dotted keys, event_id as a number. */
    static final String DOTTED_IMAGE_LOAD = """
            {"@timestamp":"2023-08-16T04:54:31.400Z","host.name":"mkt01",
             "winlog.channel":"Microsoft-Windows-Sysmon/Operational","winlog.event_id":7,"winlog.record_id":1819070,
             "winlog.event_data.UtcTime":"2023-08-16 04:54:31.358",
             "winlog.event_data.ProcessGuid":"{81056205-5686-64dc-3b04-000000000800}",
             "winlog.event_data.ProcessId":"1988",
             "winlog.event_data.Image":"C:\\\\Users\\\\stevie.marie\\\\Downloads\\\\winx64_payload.exe",
             "winlog.event_data.ImageLoaded":"C:\\\\Windows\\\\System32\\\\bcryptprimitives.dll",
             "winlog.event_data.Signed":"true","winlog.event_data.SignatureStatus":"Valid"}
            """;

    @Test
    void nestedDocumentMapsEventDataAndEnvelope() throws Exception {
        Event e = parseOne(parser, NESTED_CONNECTION);

        assertThat(e.dataset).isEqualTo("winlogbeat.sysmon");
        assertThat(e.provider).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.code).isEqualTo("3");
        assertThat(e.timestamp).as("UtcTime, not @timestamp").isEqualTo(sysmonUtc("2023-08-16 04:54:34.419"));
        assertThat(e.created).as("event.created").isEqualTo(iso("2023-08-16T04:54:35.120Z"));
        assertThat(e.hostName).as("host.name before winlog.computer_name").isEqualTo("mkt01");
        assertThat(e.hostId).isEqualTo("7c1f2a6e-0000-4b1e-9d7c-1a2b3c4d5e6f");
        assertThat(e.id).isEqualTo("mkt01:1819168");
        assertThat(e.processEntityId).isEqualTo("{81056205-5686-64dc-3b04-000000000800}");
        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.userName).isEqualTo("PANDALAB\\pedro.gustavo");
        assertThat(e.sourceIp).isEqualTo("192.168.1.41");
        assertThat(e.destinationIp).isEqualTo("10.0.5.13");
        assertThat(e.destinationPort).isEqualTo(8080);
        assertThat(e.networkDirection).isEqualTo("outbound");
    }

    @Test
    void dottedFlatKeysAndNumericEventIdWork() throws Exception {
        Event e = parseOne(parser, DOTTED_IMAGE_LOAD);

        assertThat(e.action).isEqualTo("library_load");
        assertThat(e.code).isEqualTo("7");
        assertThat(e.id).isEqualTo("mkt01:1819070");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2023-08-16 04:54:31.358"));
        assertThat(e.created).as("@timestamp when event.created is absent").isEqualTo(iso("2023-08-16T04:54:31.400Z"));
        assertThat(e.dllName).isEqualTo("bcryptprimitives.dll");
        assertThat(e.dllSigned).isTrue();
    }

    @Test
    void mixedNestingIsFound() throws Exception {
        String mixed = """
                {"@timestamp":"2023-08-16T04:54:31.400Z",
                 "winlog":{"event_id":"22","computer_name":"MKT01.pandalab.com",
                   "event_data.QueryName":"DC01.pandalab.com","event_data.UtcTime":"2023-08-16 04:54:31.000"}}
                """;

        Event e = parseOne(parser, mixed);

        assertThat(e.action).isEqualTo("dns_query");
        assertThat(e.destinationDomain).isEqualTo("DC01.pandalab.com");
        assertThat(e.hostName).isEqualTo("MKT01.pandalab.com");
        assertThat(e.id).as("no record_id: a hash").matches("[0-9a-f]{16}");
    }

    @Test
    void withoutUtcTimeTheTimestampFieldIsUsed() throws Exception {
        String record = DOTTED_IMAGE_LOAD.replace("\"winlog.event_data.UtcTime\":\"2023-08-16 04:54:31.358\",", "");

        assertThat(parseOne(parser, record).timestamp).isEqualTo(iso("2023-08-16T04:54:31.400Z"));
    }

    @Test
    void otherChannelsAndUnusedEventIdsGiveNothing() throws Exception {
        String security = NESTED_CONNECTION
                .replace("\"provider_name\":\"Microsoft-Windows-Sysmon\"", "\"provider_name\":\"Microsoft-Windows-Security-Auditing\"");
        String registry = NESTED_CONNECTION.replace("\"event_id\":\"3\"", "\"event_id\":\"13\"");

        assertThat(parse(parser, security)).isEmpty();
        assertThat(parse(parser, registry)).isEmpty();
    }

    @Test
    void errorsNameTheFullWinlogbeatFieldPath() {
        String bad = NESTED_CONNECTION.replace("2023-08-16 04:54:34.419", "not-a-time");

        assertThatThrownBy(() -> parser.parse(bad, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("winlogbeat: field winlog.event_data.UtcTime 'not-a-time' is not a time");
    }

    @Test
    void missingEventIdIsMalformed() {
        String noId = "{\"@timestamp\":\"2023-08-16T04:54:31.400Z\",\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\"}}";

        assertThatThrownBy(() -> parser.parse(noId, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("winlogbeat: field winlog.event_id or event.code is missing");
    }
}
