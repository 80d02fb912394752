package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Microsoft Defender for Endpoint Advanced Hunting rows of DeviceNetworkEvents,
 * DeviceImageLoadEvents and DeviceProcessEvents, in three shapes: a flat exported row, the
 * streaming API envelope {@code {"time", "category": "AdvancedHunting-<Table>", "properties"}},
 * and an Event Hub batch {@code {"records": [envelope, ...]}}. Rows of other tables give no event.
 */
public final class DefenderParser implements RecordParser, JsonTreeParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "defender";
    static final String UNUSED_ROW = "Defender row of a table or action no analytic uses";

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        parse(JsonRecords.readObject(record, SOURCE), record, out, ignored);
    }

    @Override
    public void parse(JsonNode root, String record, Consumer<Event> out, Consumer<String> ignored)
            throws MalformedRecordException {
        if (root.has("records")) {
            batch(root.get("records"), out, ignored);
        } else if (isEnvelope(root)) {
            emit(envelope(root, record, SOURCE), out, ignored);
        } else {
            emit(flatRow(root, record), out, ignored);
        }
    }

    /** The streaming API wraps each row in an object with its table as category. */
    static boolean isEnvelope(JsonNode root) {
        return root.path("properties").isObject() && root.path("category").isTextual();
    }

    /**
     * Every record must be readable before any is emitted: the dead letter then holds the whole
     * batch, and a replay of it after a fix does not duplicate the good records.
     */
    private static void batch(JsonNode records, Consumer<Event> out, Consumer<String> ignored)
            throws MalformedRecordException {
        if (!records.isArray()) {
            throw new MalformedRecordException(SOURCE + ": field records is not an array");
        }
        List<Event> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String source = SOURCE + " records[" + i + "]";
            JsonNode item = records.get(i);
            if (!isEnvelope(item)) {
                throw new MalformedRecordException(
                        source + ": not a streaming API record (needs category and a properties object)");
            }
            events.add(envelope(item, item.toString(), source));
        }
        events.forEach(e -> emit(e, out, ignored));
    }

    private static Event envelope(JsonNode envelope, String record, String source)
            throws MalformedRecordException {
        DefenderTable table = DefenderTable.byName(envelope.get("category").asText());
        if (table == null) {
            return null;
        }
        Long time = JsonFieldReader.flat(source, envelope).time("time");
        FieldReader row = JsonFieldReader.flat(source, envelope.get("properties"));
        return DefenderRowMapper.map(row, table, time, record);
    }

    private static Event flatRow(JsonNode root, String record) throws MalformedRecordException {
        FieldReader row = JsonFieldReader.flat(SOURCE, root);
        String declared = row.firstText("Table", "$table", "Type");
        DefenderTable table = declared != null ? DefenderTable.byName(declared) : DefenderTable.infer(row);
        return table == null ? null : DefenderRowMapper.map(row, table, null, record);
    }

    private static void emit(Event e, Consumer<Event> out, Consumer<String> ignored) {
        if (e != null) {
            out.accept(e);
        } else {
            ignored.accept(UNUSED_ROW);
        }
    }
}
