package org.t1573.ingest.linux;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * osquery scheduled-query results, one JSON object a line (channel {@code osquery}), in the three
 * shapes osqueryd logs: differential events ({@code "columns"} with {@code "action":
 * "added"|"removed"}), snapshots ({@code "snapshot": [rows]}) and batched differentials
 * ({@code "diffResults": {"added": [..], "removed": [..]}}). Rows of {@code process_memory_map},
 * {@code process_open_sockets} and {@code processes} give events (see {@link OsqueryRowMapper});
 * rows of other tables give nothing.
 *
 * <p>{@code hostIdentifier} is the host name, {@code unixTime} (when the query ran) the time.
 * These tables carry no process start time, so process.instance is host and pid.
 */
public class OsqueryParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "osquery";
    static final String UNUSED_TABLE = "row of a table no analytic reads";
    static final String UNUSED_ROW = "row no analytic uses";
    static final String NO_ROWS = "result without rows";

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        JsonNode root = JsonRecords.readObject(record, SOURCE);
        FieldReader result = JsonFieldReader.flat(SOURCE, root);
        long time = result.requiredTime("unixTime");
        Rows rows = new Rows(result.text("name"), result.text("hostIdentifier"), time, LinuxEvents.idOf(record), out, ignored);
        if (root.has("columns")) {
            rows.emit(root.get("columns"), "removed".equals(result.text("action")));
        } else if (root.has("snapshot")) {
            rows.emitAll(root.get("snapshot"), false);
        } else if (root.has("diffResults")) {
            rows.emitAll(root.get("diffResults").path("added"), false);
            rows.emitAll(root.get("diffResults").path("removed"), true);
        } else {
            throw new MalformedRecordException(SOURCE + ": no columns, snapshot or diffResults in the result");
        }
        if (rows.index == 0) {
            ignored.accept(NO_ROWS);
        }
    }

    /** The rows of one result: the query's name, host and time are common to all. */
    private static final class Rows {
        private final String query;
        private final String host;
        private final long time;
        private final String resultId;
        private final Consumer<Event> out;
        private final Consumer<String> ignored;
        private int index;

        Rows(String query, String host, long time, String resultId, Consumer<Event> out, Consumer<String> ignored) {
            this.query = query;
            this.host = host;
            this.time = time;
            this.resultId = resultId;
            this.out = out;
            this.ignored = ignored;
        }

        void emitAll(JsonNode rows, boolean removed) throws MalformedRecordException {
            if (rows.isMissingNode() || rows.isNull()) {
                return;
            }
            if (!rows.isArray()) {
                throw new MalformedRecordException(SOURCE + ": result rows are not a JSON array");
            }
            for (JsonNode row : rows) {
                emit(row, removed);
            }
        }

        void emit(JsonNode row, boolean removed) throws MalformedRecordException {
            int position = index++;
            if (!row.isObject()) {
                throw new MalformedRecordException(SOURCE + ": result row " + position + " is not an object");
            }
            OsqueryTable table = OsqueryTable.of(query, row);
            if (table == null) {
                ignored.accept(UNUSED_TABLE);
                return;
            }
            Event e = OsqueryRowMapper.map(table, JsonFieldReader.flat(SOURCE, row), removed);
            if (e == null) {
                ignored.accept(UNUSED_ROW);
                return;
            }
            e.provider = SOURCE;
            e.timestamp = time;
            e.hostName = host;
            e.id = resultId + ':' + position;
            out.accept(e);
        }
    }
}
