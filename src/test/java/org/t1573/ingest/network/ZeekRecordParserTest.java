package org.t1573.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** The Zeek header state machine and JSON log detection, on inline records. */
class ZeekRecordParserTest {

    private static final String SSL_FIELDS = "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tversion"
            + "\tcipher\tserver_name\testablished\tsubject\tissuer";

    private final ZeekRecordParser parser = new ZeekRecordParser();

    private List<Event> parse(String... lines) throws MalformedRecordException {
        return ParsedFile.parseLines(parser, lines);
    }

    @Test
    void escapedSeparatorInAValueIsRestored() throws Exception {
        Event e = parse("#separator \\x09", "#path\tssl", SSL_FIELDS,
                "1700000000.5\tCa\t10.0.0.5\t5000\t203.0.113.9\t443\tTLSv12\tX\tweird\\x09name\tT\tCN=a\tCN=b").get(0);

        assertThat(e.tlsServerName).isEqualTo("weird\tname");
        assertThat(e.x509SelfIssued).isFalse();
        assertThat(e.timestamp).isEqualTo(1_700_000_000_500L);
    }

    @Test
    void theNextFilesHeaderReplacesThePreviousOne() throws Exception {
        List<Event> events = parse("#separator \\x09", "#path\tssl", SSL_FIELDS,
                "1700000000.5\tCa\t10.0.0.5\t5000\t203.0.113.9\t443\tTLSv12\tX\t-\tT\t-\t-",
                "#separator \\x09", "#path\tdns", "#fields\tts\tuid\tquery",
                "1700000001.0\tCb\texample.com");

        assertThat(events).extracting(e -> e.dataset).containsExactly("zeek.ssl");
    }

    @Test
    void aLogWithoutPathIsKnownByItsFields() throws Exception {
        Event e = parse("#separator \\x09", "#fields\tts\tid\tcertificate.subject\tcertificate.issuer",
                "1700000000\tFx\tCN=a\tCN=a").get(0);

        assertThat(e.dataset).isEqualTo("zeek.x509");
        assertThat(e.certificateId).isEqualTo("Fx");
        assertThat(e.x509SelfIssued).isTrue();
    }

    @Test
    void jsonLogIsNamedByPathOrByItsFields() throws Exception {
        assertThat(parse("{\"_path\":\"conn\",\"ts\":1700000000.25,\"uid\":\"Cc\",\"id.orig_h\":\"10.0.0.5\","
                + "\"id.orig_p\":5000,\"id.resp_h\":\"203.0.113.9\",\"id.resp_p\":8443,\"proto\":\"tcp\","
                + "\"conn_state\":\"S0\"}")).extracting(e -> e.dataset + " " + e.outcome + " " + e.timestamp)
                .containsExactly("zeek.conn S0".replace("S0", "failure") + " 1700000000250");
        assertThat(parse("{\"ts\":1700000000,\"uid\":\"Cd\",\"id\":{\"orig_h\":\"10.0.0.5\",\"orig_p\":5000,"
                + "\"resp_h\":\"203.0.113.9\",\"resp_p\":443},\"cipher\":\"X\",\"established\":true}"))
                .extracting(e -> e.dataset + " " + e.destinationIp).containsExactly("zeek.ssl 203.0.113.9");
        assertThat(parse("{\"@stream\":\"dns\",\"ts\":1700000000,\"query\":\"example.com\"}")).isEmpty();
    }

    @Test
    void rowsThatDoNotFitTheHeaderAreMalformed() throws Exception {
        assertThatThrownBy(() -> new ZeekRecordParser().parse("1700000000\tCa\t10.0.0.5", e -> { }))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("before any #fields");
        parse("#separator \\x09", "#path\tssl", SSL_FIELDS);
        assertThatThrownBy(() -> parse("1700000000\tCa\t10.0.0.5"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("has 3 values but #fields names 12");
        parse("#separator \\x09", "#path\tdns", "#fields\tts\tuid\tquery");
        assertThatThrownBy(() -> parse("Benign, FromWindows:"))
                .as("a line of another file after a dns log").isInstanceOf(MalformedRecordException.class);
        parse("#separator \\x09", "#path\tssl", SSL_FIELDS);
        assertThatThrownBy(() -> parse("1700000000.5\tCa\t10.0.0.5\t99999\t203.0.113.9\t443\tTLSv12\tX\t-\tT\t-\t-"))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("id.orig_p '99999'");
    }

    /**
     * Histories and missed bytes of real conn.log records: the benign Stratosphere days' unnamed
     * port-80 flows (one side unseen, content gaps) and the APT29 Pupy channel (seen whole).
     */
    @ParameterizedTest(name = "{0} missed {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "ShADadTR, 0, true", "SadFf, 0, false", "ShAac, 6729, false", "ShAadDcFf, 58288, false",
        "ShaDdFf, 1766, false", "Sfa, 0, false", "ShADadFf, null, true", "null, 0, null"})
    void payloadIsSeenOnlyWithDataFromBothSidesAndNoContentGaps(String history, Long missed, Boolean seen) {
        assertThat(ZeekEventMapper.payloadSeen(history, missed)).isEqualTo(seen);
    }

    /** Filebeat's zeek module layout (x-pack/filebeat/module/zeek/connection/test/*-expected.json), our values. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"@timestamp\":\"2026-03-02T08:00:00.000Z\",\"event.module\":\"zeek\",\"event.dataset\":\"zeek.connection\","
                + "\"source.ip\":\"10.1.0.12\",\"destination.ip\":\"203.0.113.50\",\"destination.port\":4444,"
                + "\"zeek.connection.state\":\"SF\",\"zeek.session_id\":\"CAcJw21BbVedgFnYH3\"}",
        "{\"@timestamp\":\"2026-03-02T08:00:00.000Z\",\"event\":{\"module\":\"zeek\",\"dataset\":\"zeek.ssl\"},"
                + "\"tls\":{\"cipher\":\"TLS_AES_128_GCM_SHA256\"},\"zeek\":{\"session_id\":\"CAcJw21BbVedgFnYH3\"}}"})
    void filebeatModuleRecordsAreAnErrorNotAnUnusedLog(String record) {
        assertThatThrownBy(() -> parser.parse(record, e -> { }, reason -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("zeek: record of Filebeat's zeek module");
    }
}
