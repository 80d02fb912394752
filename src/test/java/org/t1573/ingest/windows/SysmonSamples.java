package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/** The real OTRF Sysmon captures in ../shared and small ways to pick records out of them. */
final class SysmonSamples {

    private static final Path ROOT = Path.of("../shared/data/windows_sysmon");
    static final Path LSASS = ROOT.resolve(
            "LSASS_campaign_01_metasploit_logonpasswords/metasploit_logonpasswords_lsass_memory_dump.sysmon.ndjson");
    static final Path COVENANT = ROOT.resolve(
            "covenant_installutil/covenant_installutil_2020-09-19211702.sysmon.ndjson");
    static final Path EMPIRE_SCT = ROOT.resolve(
            "empire_launcher_sct_regsvr32/empire_launcher_sct_regsvr32_2020-07-21232741.sysmon.ndjson");
    static final Path EMPIRE_VBS = ROOT.resolve(
            "empire_launcher_vbs/empire_launcher_vbs_2020-09-04160940.sysmon.ndjson");
    static final Path REG_METERPRETER = ROOT.resolve(
            "reg_meterpreter_process_commandline_logging_disabled/"
                    + "reg_meterpreter_process_commandline_logging_disabled.sysmon.ndjson");

    static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter SYSMON_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private SysmonSamples() {}

    static List<Path> allFiles() {
        return List.of(LSASS, COVENANT, EMPIRE_SCT, EMPIRE_VBS, REG_METERPRETER);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the file whose JSON matches. */
    static String firstLine(Path file, Predicate<JsonNode> match) {
        return lines(file).stream()
                .filter(line -> match.test(tree(line)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no matching record in " + file));
    }

    static Predicate<JsonNode> eventId(int id) {
        return n -> n.path("EventID").asInt() == id;
    }

    static Predicate<JsonNode> has(String field, String value) {
        return n -> value.equals(n.path(field).asText(null));
    }

    static Predicate<JsonNode> endsWith(String field, String suffix) {
        return n -> n.path(field).asText("").toLowerCase().endsWith(suffix.toLowerCase());
    }

    /** Epoch millis of a Sysmon UtcTime string, computed independently of the parser. */
    static long sysmonUtc(String text) {
        return LocalDateTime.parse(text, SYSMON_UTC).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static long iso(String text) {
        return Instant.parse(text).toEpochMilli();
    }

    static List<Event> parse(RecordParser parser, String record) throws MalformedRecordException {
        List<Event> out = new ArrayList<>();
        parser.parse(record, out::add);
        return out;
    }

    /** The single event a record gives. */
    static Event parseOne(RecordParser parser, String record) throws MalformedRecordException {
        List<Event> events = parse(parser, record);
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }
}
