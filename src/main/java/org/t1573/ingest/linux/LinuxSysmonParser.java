package org.t1573.ingest.linux;

import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;
import org.t1573.ingest.Timestamps;

/**
 * Sysmon for Linux events (channel {@code sysmon-linux}): the event XML inside a Log Analytics
 * Syslog row's {@code SyslogMessage}, or a raw syslog line ending in the XML. Process create (1),
 * network connect (3) and process terminate (5) give events; file events (11, 23) and the rest
 * give nothing.
 *
 * <p>{@code Image} is sometimes a bare name ("bash") on network events; it is then the process
 * name and the executable stays unknown.
 */
public class LinuxSysmonParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "sysmon-linux";
    static final String DATASET = "sysmon_linux";
    static final String PROVIDER = "Linux-Sysmon";
    static final String UNUSED_CODE = "Sysmon event code no analytic uses";
    private static final String NO_GUID = "{00000000-0000-0000-0000-000000000000}";

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        String trimmed = record.strip();
        Long created = null;
        String message = trimmed;
        if (trimmed.startsWith("{")) {
            FieldReader row = JsonFieldReader.parse(trimmed, SOURCE);
            message = row.required("SyslogMessage");
            created = row.time("TimeGenerated");
        }
        int start = message.indexOf("<Event");
        if (start < 0) {
            throw new MalformedRecordException(SOURCE + ": no <Event> XML in the record");
        }
        SysmonXml xml = new SysmonXml(message.substring(start));
        String eventId = xml.system("EventID");
        if (eventId == null) {
            throw new MalformedRecordException(SOURCE + ": event XML without EventID");
        }
        EventAction kind = switch (eventId) {
            case "1" -> EventAction.PROCESS_START;
            case "3" -> EventAction.NETWORK_CONNECTION;
            case "5" -> EventAction.PROCESS_END;
            default -> null;
        };
        if (kind == null) {
            ignored.accept(UNUSED_CODE);
            return;
        }
        Event e = common(LinuxEvents.newEvent(kind, DATASET), xml, eventId, message);
        e.created = created;
        if (kind == EventAction.PROCESS_START) {
            processCreate(e, xml);
        } else if (kind == EventAction.NETWORK_CONNECTION) {
            networkConnect(e, xml);
        }
        out.accept(e);
    }

    private static Event common(Event e, SysmonXml xml, String eventId, String message) throws MalformedRecordException {
        e.code = eventId;
        e.provider = PROVIDER;
        e.timestamp = time(xml);
        e.hostName = xml.system("Computer");
        String recordId = xml.system("EventRecordID");
        e.id = recordId == null ? LinuxEvents.idOf(message) : e.hostName + ':' + recordId;
        e.userName = xml.data("User");
        e.processEntityId = xml.data("ProcessGuid");
        e.processPid = number(xml, "ProcessId");
        String image = xml.data("Image");
        e.processName = LinuxEvents.baseName(image);
        e.processExecutable = image != null && image.contains("/") ? image : null;
        return e;
    }

    private static long time(SysmonXml xml) throws MalformedRecordException {
        String utc = xml.data("UtcTime");
        String text = utc != null ? utc : xml.system("SystemTime");
        if (text == null) {
            throw new MalformedRecordException(SOURCE + ": no UtcTime or TimeCreated in the event");
        }
        try {
            return Timestamps.toEpochMillis(text);
        } catch (MalformedRecordException ex) {
            throw new MalformedRecordException(SOURCE + ": UtcTime " + ex.getMessage(), ex);
        }
    }

    private static void processCreate(Event e, SysmonXml xml) throws MalformedRecordException {
        e.processCommandLine = xml.data("CommandLine");
        e.processStart = e.timestamp;
        String parentGuid = xml.data("ParentProcessGuid");
        // Sysmon for Linux writes the all-zero GUID when it did not see the parent start.
        e.parentEntityId = parentGuid == null || parentGuid.equals(NO_GUID) ? null : parentGuid;
        e.parentPid = number(xml, "ParentProcessId");
        e.parentExecutable = xml.data("ParentImage");
        e.parentName = LinuxEvents.baseName(e.parentExecutable);
    }

    private static void networkConnect(Event e, SysmonXml xml) throws MalformedRecordException {
        e.networkTransport = xml.data("Protocol");
        e.sourceIp = xml.data("SourceIp");
        e.sourcePort = port(xml, "SourcePort");
        e.destinationIp = xml.data("DestinationIp");
        e.destinationPort = port(xml, "DestinationPort");
        e.destinationDomain = xml.data("DestinationHostname");
        String initiated = xml.data("Initiated");
        e.networkDirection = initiated == null ? null : NetworkDirection.of("true".equalsIgnoreCase(initiated)).value();
        e.outcome = EventOutcome.SUCCESS.value();
    }

    private static Long number(SysmonXml xml, String name) throws MalformedRecordException {
        String text = xml.data(name);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException ex) {
            throw new MalformedRecordException(SOURCE + ": field " + name + " '" + text + "' is not a number");
        }
    }

    private static Integer port(SysmonXml xml, String name) throws MalformedRecordException {
        Long value = number(xml, name);
        if (value != null && (value < 0 || value > 65535)) {
            throw new MalformedRecordException(SOURCE + ": field " + name + " '" + value + "' is not a port");
        }
        return value == null ? null : value.intValue();
    }
}
