package org.t1573.ingest.windows;

/**
 * Sysmon events as flat JSON, one per record, with the EventData fields as top-level keys: the
 * NXLog/Logstash export (RecordNumber, EventReceivedTime, numbers as JSON numbers) and the newer
 * export (TimeCreated, no record number). EventID may be a number or a string.
 */
public final class SysmonJsonParser extends SysmonParserBase {
    private static final long serialVersionUID = 1L;

    static final SysmonLayout LAYOUT = new SysmonLayout(
            "sysmon",
            "sysmon",
            false,
            "",
            new String[] {"EventID", "EventId"},
            new String[] {"SourceName", "ProviderName", "Channel"},
            new String[] {"RecordNumber", "EventRecordID"},
            new String[] {"Hostname", "Computer"},
            new String[] {},
            // EventReceivedTime is NXLog's local time without a zone, so it is the last resort.
            new String[] {"TimeCreated", "@timestamp", "EventReceivedTime"},
            new String[] {"@timestamp"});

    @Override
    SysmonLayout layout() {
        return LAYOUT;
    }
}
