package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/** A Sysmon parser for one shipping format; the subclass names the format's {@link SysmonLayout}. */
abstract class SysmonParserBase implements RecordParser, JsonTreeParser {
    private static final long serialVersionUID = 1L;

    abstract SysmonLayout layout();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        parse(JsonRecords.readObject(record, layout().source()), record, out, ignored);
    }

    @Override
    public void parse(JsonNode root, String record, Consumer<Event> out, Consumer<String> ignored)
            throws MalformedRecordException {
        Event e = SysmonEventMapper.map(root, record, layout(), ignored);
        if (e != null) {
            out.accept(e);
        }
    }
}
