package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * Sysmon events as they sit in Elasticsearch after the ingest pipeline of Winlogbeat's sysmon
 * module or Elastic Agent's Windows integration (x-pack/winlogbeat/module/sysmon/ingest/sysmon.yml)
 * renamed the EventData to ECS: {@code process.*}, {@code file.path}, {@code source.*},
 * {@code destination.*}, {@code dns.question.name}, {@code user.*}, with UtcTime turned into
 * {@code @timestamp}. Each Sysmon field is read where the pipeline put it, so the record maps to
 * the same event as its flat Sysmon form; what the pipeline leaves (Signed, SignatureStatus) is
 * read from {@code winlog.event_data}.
 */
final class EcsSysmonParser implements JsonTreeParser {
    private static final long serialVersionUID = 1L;

    private static final String EVENT_DATA = "winlog.event_data.";

    /** The Winlogbeat envelope, except that @timestamp is the sensor's UtcTime, not a collector time. */
    private static final SysmonLayout LAYOUT = new SysmonLayout(
            "winlogbeat",
            "winlogbeat.sysmon",
            true,
            EVENT_DATA,
            WinlogbeatSysmonParser.LAYOUT.eventIdFields(),
            WinlogbeatSysmonParser.LAYOUT.providerFields(),
            WinlogbeatSysmonParser.LAYOUT.recordIdFields(),
            WinlogbeatSysmonParser.LAYOUT.hostFields(),
            WinlogbeatSysmonParser.LAYOUT.hostIdFields(),
            new String[] {"event.created"},
            new String[] {"@timestamp"});

    /** The Sysmon fields the pipeline moves, by their Sysmon name, and where they go. */
    private static final Map<String, String[]> RENAMED = Map.ofEntries(
            Map.entry("ProcessGuid", new String[] {"process.entity_id"}),
            Map.entry("ProcessId", new String[] {"process.pid"}),
            Map.entry("Image", new String[] {"process.executable"}),
            Map.entry("CommandLine", new String[] {"process.command_line"}),
            Map.entry("ParentProcessGuid", new String[] {"process.parent.entity_id"}),
            Map.entry("ParentProcessId", new String[] {"process.parent.pid"}),
            Map.entry("ParentImage", new String[] {"process.parent.executable"}),
            // Both Elastic pipelines write file.path; dll.path is where ECS's library fields put it.
            Map.entry("ImageLoaded", new String[] {"dll.path", "file.path"}),
            Map.entry("SourceIp", new String[] {"source.ip"}),
            Map.entry("SourcePort", new String[] {"source.port"}),
            Map.entry("DestinationIp", new String[] {"destination.ip"}),
            Map.entry("DestinationPort", new String[] {"destination.port"}),
            Map.entry("DestinationHostname", new String[] {"destination.domain"}),
            Map.entry("Protocol", new String[] {"network.transport"}),
            Map.entry("QueryName", new String[] {"dns.question.name"}),
            // PE metadata: process.pe.* for a process start, file.pe.* for an image load; the
            // pipeline copies some and leaves them in winlog.event_data too.
            Map.entry("OriginalFileName", new String[] {"process.pe.original_file_name", "file.pe.original_file_name"}),
            Map.entry("Description", pe("description", "Description")),
            Map.entry("Product", pe("product", "Product")),
            Map.entry("Company", pe("company", "Company")),
            Map.entry("FileVersion", pe("file_version", "FileVersion")),
            Map.entry("CurrentDirectory", new String[] {"process.working_directory"}),
            Map.entry("ParentCommandLine", new String[] {"process.parent.command_line"}),
            Map.entry("Signature", new String[] {"file.code_signature.subject_name", EVENT_DATA + "Signature"}),
            Map.entry("SourceHostname", new String[] {"source.domain"}),
            Map.entry("SourceImage", new String[] {"process.executable"}),
            Map.entry("SourceProcessGuid", new String[] {"process.entity_id"}),
            Map.entry("SourceProcessGUID", new String[] {"process.entity_id"}),
            Map.entry("SourceProcessId", new String[] {"process.pid"}));

    /** Hash algorithms in the order Sysmon writes them in Hashes. */
    private static final String[] HASHES = {"sha1", "md5", "sha256", "imphash"};

    private static final String SHA256 = "process.hash.sha256";
    private static final String USER_NAME = "user.name";
    private static final String USER_DOMAIN = "user.domain";
    private static final String DIRECTION = "network.direction";

    /**
     * True if the pipeline renamed the record's EventData: ProcessGuid and Image, which every
     * mapped Sysmon event has, left winlog.event_data for a {@code process} branch.
     */
    static boolean isRenamed(JsonNode root) {
        return DottedPath.find(root, EVENT_DATA + "ProcessGuid") == null
                && DottedPath.find(root, EVENT_DATA + "Image") == null
                && DottedPath.hasBranch(root, "process");
    }

    @Override
    public void parse(JsonNode root, String record, Consumer<Event> out, Consumer<String> ignored)
            throws MalformedRecordException {
        FieldReader data = JsonFieldReader.of(LAYOUT.source(), name -> find(root, name), EcsSysmonParser::fullName);
        Event e = SysmonEventMapper.map(root, record, LAYOUT, data, ignored);
        if (e != null) {
            out.accept(e);
        }
    }

    /** The value of a Sysmon field in the renamed record, rebuilt where the pipeline split it. */
    private static JsonNode find(JsonNode root, String name) {
        return switch (name) {
            case "User" -> user(root);
            case "Hashes" -> hashes(root);
            case "Initiated" -> initiated(root);
            default -> first(root, paths(name));
        };
    }

    /** Where the pipeline puts a Sysmon field: its ECS names, or winlog.event_data if it leaves it there. */
    private static String[] paths(String name) {
        return RENAMED.getOrDefault(name, new String[] {EVENT_DATA + name});
    }

    /**
     * The pipeline splits User at the backslash into user.domain and user.name (not winlog.user:
     * that is the account Sysmon logs as).
     */
    private static JsonNode user(JsonNode root) {
        JsonNode name = DottedPath.find(root, USER_NAME);
        if (!isText(name)) {
            return name; // absent, or not a single value: JsonFieldReader reports that
        }
        JsonNode domain = DottedPath.find(root, USER_DOMAIN);
        return TextNode.valueOf(WindowsValueNormalizer.account(isText(domain) ? domain.asText() : null, name.asText()));
    }

    private static String[] pe(String ecs, String sysmon) {
        return new String[] {"process.pe." + ecs, "file.pe." + ecs, EVENT_DATA + sysmon};
    }

    /**
     * The pipeline splits Hashes into process.hash.* (file.hash.* for an image load) in lower case;
     * Sysmon writes ALGORITHM=HEX pairs in upper case.
     */
    private static JsonNode hashes(JsonNode root) {
        for (String branch : new String[] {"process.hash.", "file.hash."}) {
            StringJoiner pairs = new StringJoiner(",");
            for (String algorithm : HASHES) {
                JsonNode value = DottedPath.find(root, branch + algorithm);
                if (value != null && !isText(value)) {
                    return value; // not a single value: JsonFieldReader reports that
                }
                if (value != null) {
                    pairs.add(algorithm.toUpperCase(Locale.ROOT) + "=" + value.asText().toUpperCase(Locale.ROOT));
                }
            }
            if (pairs.length() > 0) {
                return TextNode.valueOf(pairs.toString());
            }
        }
        return null;
    }

    /** The pipeline writes Initiated true as egress and false as ingress; other values stay as given, an error. */
    private static JsonNode initiated(JsonNode root) {
        JsonNode direction = DottedPath.find(root, DIRECTION);
        if (!isText(direction)) {
            return direction;
        }
        return switch (direction.asText().toLowerCase(Locale.ROOT)) {
            case "egress", "outbound" -> TextNode.valueOf("true");
            case "ingress", "inbound" -> TextNode.valueOf("false");
            default -> direction;
        };
    }

    /** The field name the record spells, for errors. */
    private static String fullName(String name) {
        return switch (name) {
            case "User" -> USER_NAME;
            case "Hashes" -> SHA256;
            case "Initiated" -> DIRECTION;
            default -> paths(name)[0];
        };
    }

    private static JsonNode first(JsonNode root, String[] paths) {
        for (String path : paths) {
            JsonNode value = DottedPath.find(root, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean isText(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isEmpty();
    }
}
