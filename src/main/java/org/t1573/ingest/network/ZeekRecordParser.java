package org.t1573.ingest.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "zeek" channel: conn, ssl and x509 logs, as the ASCII writer's TSV (whose
 * {@code #} header lines name the log and its columns) or as JSON lines (named by
 * {@code @stream} or {@code _path}, else by their fields). Records of other logs are well-formed
 * but unused: they give no event, and are reported ignored, as header and blank lines are.
 */
public final class ZeekRecordParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    /** Why a record gives no event. */
    static final String UNUSED_LOG = "row of a log no analytic uses";

    private final ZeekTsvHeader header = new ZeekTsvHeader();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        if (record.isBlank()) {
            ignored.accept(BLANK_LINE);
        } else if (record.startsWith("#")) {
            header.accept(record);
            ignored.accept(HEADER_LINE);
        } else if (!(record.startsWith("{") ? parseJson(record, out) : parseTsv(record, out))) {
            ignored.accept(UNUSED_LOG);
        }
    }

    /** Whether the row was of a log that gives events. */
    private boolean parseTsv(String record, Consumer<Event> out) throws MalformedRecordException {
        if (!header.hasFields()) {
            throw new MalformedRecordException("zeek: TSV row before any #fields header (not a Zeek log?)");
        }
        ZeekLogType type = header.type();
        // Rows of unused logs are split too: a file that only follows a Zeek log in the same
        // reader (a labeller's config beside the logs) must not pass silently as that log's rows.
        NetworkFieldReader row = header.row(record, type == ZeekLogType.OTHER ? "zeek" : type.dataset());
        if (type == ZeekLogType.OTHER) {
            return false;
        }
        out.accept(ZeekEventMapper.map(type, row, record));
        return true;
    }

    private static boolean parseJson(String record, Consumer<Event> out) throws MalformedRecordException {
        JsonNode root = JsonRecords.readObject(record, "zeek");
        if (isFilebeatModule(root)) {
            // Its conn records have no conn_state and would pass as rows of an unused log.
            throw new MalformedRecordException("zeek: record of Filebeat's zeek module (event.module zeek, fields "
                    + "renamed to ECS and zeek.*) is not read; replay the logs as Zeek writes them (TSV or JSON)");
        }
        String path = root.path("@stream").asText(root.path("_path").asText(""));
        ZeekLogType type = path.isEmpty()
                ? ZeekLogType.ofFields(name -> NetworkJsonReader.has(root, name))
                : ZeekLogType.ofPath(path);
        if (type == ZeekLogType.OTHER) {
            return false;
        }
        out.accept(ZeekEventMapper.map(type, NetworkJsonReader.of(type.dataset(), root), record));
        return true;
    }

    /** Zeek's own JSON has no event object; Filebeat's and Elastic Agent's zeek modules set event.module. */
    private static boolean isFilebeatModule(JsonNode root) throws MalformedRecordException {
        JsonNode module = NetworkJsonReader.find("zeek", root, "event.module");
        return module != null && "zeek".equals(module.asText());
    }
}
