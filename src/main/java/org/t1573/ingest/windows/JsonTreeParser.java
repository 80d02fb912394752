package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/** A parser of an already-read JSON object, so {@link WindowsRecordParser} reads each record once. */
interface JsonTreeParser extends Serializable {

    /**
     * @param root the record as a JSON object
     * @param record the raw record text, for ids of records that carry no record number
     * @param ignored told why, for a record that gives no event
     */
    void parse(JsonNode root, String record, Consumer<Event> out, Consumer<String> ignored)
            throws MalformedRecordException;
}
