package org.t1573.ingest.macos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "macos" channel: the unified log as {@code log show --style ndjson} (one
 * entry per line) or {@code --style json} (one array over many lines; each entry is parsed when
 * the line that closes it arrives). See {@link UnifiedLogMapper} for what becomes an event.
 *
 * <p>Network.framework logs a connection's endpoint in many messages (start, path, flow, state);
 * only the first that names it becomes an event, so each connection counts once. The connections
 * seen are remembered per boot, pid and connection number, the most recent {@link #REMEMBERED}.
 */
public final class UnifiedLogParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final int REMEMBERED = 4096;

    static final String PART_OF_ENTRY = "line of a multi-line entry or array bracket";
    static final String UNUSED_ENTRY = "entry no analytic uses";
    static final String SEEN_CONNECTION = "entry of a connection already reported";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonObjectSplitter splitter = new JsonObjectSplitter();
    private final RecentKeys connections = new RecentKeys();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        MalformedRecordException first = null;
        List<String> objects = splitter.feed(record);
        if (objects.isEmpty()) {
            // log show --style json writes an entry over many lines: the line that closes it stands for it.
            ignored.accept(PART_OF_ENTRY);
        }
        for (String object : objects) {
            try {
                emit(object, out, ignored);
            } catch (MalformedRecordException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void emit(String object, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        JsonNode entry;
        try {
            entry = MAPPER.readTree(object);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException(UnifiedLogMapper.SOURCE + ": not JSON: " + e.getOriginalMessage(), e);
        }
        UnifiedLogMapper.Mapped m = UnifiedLogMapper.map(entry, object);
        if (m == null) {
            ignored.accept(UNUSED_ENTRY);
            return;
        }
        NwConnection c = m.connection();
        if (c != null && c.connectionId() != null) {
            Event e = m.event();
            String key = e.processEntityId + "|" + e.processPid + "|C" + c.connectionId();
            if (connections.put(key, Boolean.TRUE) != null) {
                ignored.accept(SEEN_CONNECTION);
                return;
            }
        }
        out.accept(m.event());
    }

    /** Insertion-ordered keys that forget the oldest beyond {@link #REMEMBERED}. */
    private static final class RecentKeys extends LinkedHashMap<String, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }
}
