package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.t1573.ingest.windows.SysmonSamples.parse;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;
import static org.t1573.ingest.windows.SysmonSamples.tree;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/**
 * CAPI2 chain events through the "windows" channel. No real CAPI2 export exists in the shared data
 * (the OTRF archives hold Sysmon, Security, System, PowerShell and WMI channels only), so the
 * records are written here in the flat and Winlogbeat shapes the parser documents.
 */
class Capi2ParserTest {

    /** Chain build of a self-signed server certificate: untrusted root + partial chain (0x10020). */
    static final String FLAT_CHAIN = """
            {"SourceName":"Microsoft-Windows-CAPI2","Channel":"Microsoft-Windows-CAPI2/Operational",
             "Hostname":"MKT01.pandalab.com","TimeCreated":"2023-08-16T04:54:34.120Z",
             "@timestamp":"2023-08-16T04:54:35.001Z","EventID":11,"RecordNumber":"812","ProcessID":"1988",
             "ProcessName":"winx64_payload.exe","subjectName":"CN=prosacco.sons.com",
             "issuerName":"CN=prosacco.sons.com","ErrorStatus":"10020"}
            """;
    static final String FLAT_POLICY = """
            {"SourceName":"Microsoft-Windows-CAPI2","Channel":"Microsoft-Windows-CAPI2/Operational",
             "Hostname":"MKT01.pandalab.com","TimeCreated":"2023-08-16T04:54:34.130Z","EventID":"30",
             "RecordNumber":"813","ProcessID":"1988","ImageName":"C:\\\\Users\\\\stevie\\\\winx64_payload.exe",
             "subjectName":"CN=mail.example.com","serverName":"imap.example.com","Result":"0x800B010F"}
            """;
    static final String WINLOGBEAT_CHAIN = """
            {"@timestamp":"2023-08-16T04:54:34.140Z","event":{"code":"11","created":"2023-08-16T04:54:36Z"},
             "host":{"name":"MKT01.pandalab.com","id":"h-1"},
             "winlog":{"channel":"Microsoft-Windows-CAPI2/Operational","provider_name":"Microsoft-Windows-CAPI2",
               "event_id":11,"record_id":814,"process":{"pid":7476},
               "user_data":{"ProcessName":"msedge.exe","subjectName":"CN=www.example.org",
                 "ErrorStatus":"CERT_TRUST_IS_NOT_TIME_VALID"}}}
            """;

    private final WindowsRecordParser parser = new WindowsRecordParser();

    @Test
    void capi2RecordsAreToldApartFromSysmonInBothShapes() {
        assertThat(WindowsShape.of(tree(FLAT_CHAIN))).isEqualTo(WindowsShape.CAPI2);
        assertThat(WindowsShape.of(tree(WINLOGBEAT_CHAIN))).isEqualTo(WindowsShape.WINLOGBEAT_CAPI2);
        assertThat(WindowsShape.of(tree(WinlogbeatSysmonParserTest.NESTED_CONNECTION)))
                .isEqualTo(WindowsShape.WINLOGBEAT);
    }

    @Test
    void chainBuildGivesAFailedCertificateEventOfTheCallingProcess() throws Exception {
        Event e = parseOne(parser, FLAT_CHAIN);

        assertThat(e.action).isEqualTo("certificate");
        assertThat(e.category).isEqualTo("network");
        assertThat(e.code).isEqualTo("11");
        assertThat(e.dataset).isEqualTo("capi2");
        assertThat(e.provider).isEqualTo("Microsoft-Windows-CAPI2");
        assertThat(e.timestamp).isEqualTo(Instant.parse("2023-08-16T04:54:34.120Z").toEpochMilli());
        assertThat(e.hostName).isEqualTo("MKT01.pandalab.com");
        assertThat(e.id).isEqualTo("MKT01.pandalab.com:812");
        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.processExecutable).isNull();
        assertThat(e.x509Subject).isEqualTo("CN=prosacco.sons.com");
        assertThat(e.x509Issuer).isEqualTo("CN=prosacco.sons.com");
        assertThat(e.outcome).isEqualTo("failure");
        assertThat(e.tlsValidationStatus).isEqualTo(
                "untrusted root (CERT_TRUST_IS_UNTRUSTED_ROOT); partial chain (CERT_TRUST_IS_PARTIAL_CHAIN)");
    }

    @Test
    void policyCheckGivesTheResultInWordsAndTheServerName() throws Exception {
        Event e = parseOne(parser, FLAT_POLICY);

        assertThat(e.code).isEqualTo("30");
        assertThat(e.tlsValidationStatus).isEqualTo("name mismatch (CERT_E_CN_NO_MATCH 0x800B010F)");
        assertThat(e.tlsServerName).isEqualTo("imap.example.com");
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.processExecutable).isEqualTo("C:\\Users\\stevie\\winx64_payload.exe");
    }

    @Test
    void winlogbeatShapeReadsUserDataAndTheProcessPid() throws Exception {
        Event e = parseOne(parser, WINLOGBEAT_CHAIN);

        assertThat(e.dataset).isEqualTo("winlogbeat.capi2");
        assertThat(e.processPid).isEqualTo(7476L);
        assertThat(e.hostId).isEqualTo("h-1");
        assertThat(e.id).isEqualTo("MKT01.pandalab.com:814");
        assertThat(e.created).isEqualTo(Instant.parse("2023-08-16T04:54:36Z").toEpochMilli());
        assertThat(e.tlsValidationStatus).isEqualTo("not time valid (CERT_TRUST_IS_NOT_TIME_VALID)");
    }

    @Test
    void chainWithoutErrorsIsOk() throws Exception {
        Event e = parseOne(parser, FLAT_CHAIN.replace("\"10020\"", "\"0\""));

        assertThat(e.tlsValidationStatus).isEqualTo("ok");
        assertThat(e.outcome).isEqualTo("success");
    }

    @Test
    void unknownErrorBitsAndResultsAreKeptAsHex() throws Exception {
        assertThat(parseOne(parser, FLAT_CHAIN.replace("\"10020\"", "\"20000020\"")).tlsValidationStatus)
                .isEqualTo("untrusted root (CERT_TRUST_IS_UNTRUSTED_ROOT); trust error 0x20000000");
        assertThat(parseOne(parser, FLAT_POLICY.replace("0x800B010F", "80096004")).tlsValidationStatus)
                .isEqualTo("error 0x80096004");
    }

    @Test
    void otherCapi2EventsGiveNothing() throws Exception {
        assertThat(parse(parser, FLAT_CHAIN.replace("\"EventID\":11", "\"EventID\":90"))).isEmpty();
    }

    @Test
    void unreadableErrorStatusIsADeadLetterNamingTheField() {
        assertThatThrownBy(() -> parser.parse(FLAT_CHAIN.replace("\"10020\"", "\"oops\""), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("capi2: field ErrorStatus 'oops' is not a CERT_TRUST error status");
    }

    @Test
    void recordWithoutATimeIsADeadLetter() {
        String noTime = FLAT_POLICY.replace("\"TimeCreated\":\"2023-08-16T04:54:34.130Z\",", "");
        assertThatThrownBy(() -> parser.parse(noTime, e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("capi2: field TimeCreated or @timestamp or EventTime is missing");
    }
}
