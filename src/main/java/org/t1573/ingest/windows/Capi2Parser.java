package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Microsoft-Windows-CAPI2/Operational events: certificate-chain building (11) and chain policy
 * verification (30), as flat JSON (the UserData elements flattened to top-level keys, as NXLog
 * and Logstash XML flattening write them) or as Winlogbeat ships them (under
 * {@code winlog.user_data}). Chain builds and verifications of either outcome become
 * {@code certificate} events; see {@link Capi2EventMapper} for the fields read.
 */
public final class Capi2Parser implements RecordParser, JsonTreeParser {
    private static final long serialVersionUID = 1L;

    /** Flat keys; the event time is TimeCreated or the shipper's @timestamp (CAPI2 has no UtcTime). */
    static final SysmonLayout FLAT = new SysmonLayout(
            "capi2",
            "capi2",
            false,
            "",
            new String[] {"EventID", "EventId"},
            new String[] {"Channel", "SourceName", "ProviderName"},
            new String[] {"RecordNumber", "EventRecordID"},
            new String[] {"Hostname", "Computer"},
            new String[] {},
            new String[] {"EventReceivedTime", "@timestamp"},
            // EventTime is NXLog's local time without a zone, so it is the last resort.
            new String[] {"TimeCreated", "@timestamp", "EventTime"});

    /** Winlogbeat / Elastic Agent: the event's UserData under {@code winlog.user_data}. */
    static final SysmonLayout WINLOGBEAT = new SysmonLayout(
            "winlogbeat",
            "winlogbeat.capi2",
            true,
            "winlog.user_data.",
            new String[] {"winlog.event_id", "event.code"},
            new String[] {"winlog.channel", "winlog.provider_name", "event.provider"},
            new String[] {"winlog.record_id"},
            new String[] {"host.name", "winlog.computer_name"},
            new String[] {"host.id"},
            new String[] {"event.created"},
            new String[] {"@timestamp"});

    /** Which layout, kept as a flag since parsers are serialized with the job and layouts are not. */
    private final boolean winlogbeat;

    private Capi2Parser(boolean winlogbeat) {
        this.winlogbeat = winlogbeat;
    }

    /** The parser of flat CAPI2 records. */
    public static Capi2Parser flat() {
        return new Capi2Parser(false);
    }

    /** The parser of Winlogbeat CAPI2 records. */
    public static Capi2Parser winlogbeat() {
        return new Capi2Parser(true);
    }

    static final String UNUSED_CODE = "CAPI2 event code no analytic uses";

    private SysmonLayout layout() {
        return winlogbeat ? WINLOGBEAT : FLAT;
    }

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        parse(JsonRecords.readObject(record, layout().source()), record, out, ignored);
    }

    @Override
    public void parse(JsonNode root, String record, Consumer<Event> out, Consumer<String> ignored)
            throws MalformedRecordException {
        Event e = Capi2EventMapper.map(root, record, layout());
        if (e != null) {
            out.accept(e);
        } else {
            ignored.accept(UNUSED_CODE);
        }
    }
}
