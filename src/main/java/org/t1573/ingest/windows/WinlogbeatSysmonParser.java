package org.t1573.ingest.windows;

/**
 * Sysmon events as Winlogbeat or Elastic Agent ship them: the EventData under
 * {@code winlog.event_data}, the event id in {@code winlog.event_id} (string or number), the
 * record number in {@code winlog.record_id}. Fields may be nested objects or dotted flat keys.
 */
public final class WinlogbeatSysmonParser extends SysmonParserBase {
    private static final long serialVersionUID = 1L;

    static final SysmonLayout LAYOUT = new SysmonLayout(
            "winlogbeat",
            "winlogbeat.sysmon",
            true,
            "winlog.event_data.",
            new String[] {"winlog.event_id", "event.code"},
            new String[] {"winlog.provider_name", "winlog.channel", "event.provider"},
            new String[] {"winlog.record_id"},
            new String[] {"host.name", "winlog.computer_name"},
            new String[] {"host.id"},
            new String[] {"event.created", "@timestamp"},
            new String[] {"@timestamp"});

    @Override
    SysmonLayout layout() {
        return LAYOUT;
    }
}
