package org.t1573.ingest.windows;

import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * Turns one Defender for Endpoint Advanced Hunting row into an {@link Event}: connections from
 * DeviceNetworkEvents, ImageLoaded from DeviceImageLoadEvents and ProcessCreated from
 * DeviceProcessEvents. Other ActionTypes give no event. Defender has no process GUID, so
 * {@code process.entity_id} stays null and the process is known by host, pid and start time.
 */
final class DefenderRowMapper {

    static final String PROVIDER = "Microsoft Defender for Endpoint";

    /** The DeviceNetworkEvents ActionTypes that become events, with their normalised meaning. */
    private enum Connection {
        SUCCESS("ConnectionSuccess", EventAction.NETWORK_CONNECTION, EventOutcome.SUCCESS, NetworkDirection.OUTBOUND),
        FAILED("ConnectionFailed", EventAction.NETWORK_CONNECTION, EventOutcome.FAILURE, NetworkDirection.OUTBOUND),
        ATTEMPT("ConnectionAttempt", EventAction.NETWORK_CONNECTION, EventOutcome.UNKNOWN, NetworkDirection.OUTBOUND),
        INBOUND("InboundConnectionAccepted", EventAction.NETWORK_CONNECTION, EventOutcome.SUCCESS,
                NetworkDirection.INBOUND),
        LISTEN("ListeningConnectionCreated", EventAction.LISTEN, EventOutcome.SUCCESS, null),
        /** A row exported without its ActionType column: a connection, but nothing more is known. */
        UNSPECIFIED(null, EventAction.NETWORK_CONNECTION, EventOutcome.UNKNOWN, null);

        final String actionType;
        final EventAction kind;
        final EventOutcome outcome;
        final NetworkDirection direction;

        Connection(String actionType, EventAction kind, EventOutcome outcome, NetworkDirection direction) {
            this.actionType = actionType;
            this.kind = kind;
            this.outcome = outcome;
            this.direction = direction;
        }

        /** The connection of an ActionType, UNSPECIFIED for none, null for one no analytic uses. */
        static Connection of(String actionType) {
            if (actionType == null) {
                return UNSPECIFIED;
            }
            for (Connection c : values()) {
                if (actionType.equals(c.actionType)) {
                    return c;
                }
            }
            return null;
        }
    }

    private DefenderRowMapper() {}

    /**
     * The event of a row, or null for an ActionType no analytic uses.
     *
     * @param fallbackTime the streaming envelope's time, for rows without Timestamp; may be null
     * @param record the row's text, for the id of a row without ReportId
     */
    static Event map(FieldReader row, DefenderTable table, Long fallbackTime, String record)
            throws MalformedRecordException {
        String actionType = row.text("ActionType");
        Event e = switch (table) {
            case NETWORK -> network(row, Connection.of(actionType));
            case IMAGE_LOAD -> actionType == null || "ImageLoaded".equals(actionType) ? imageLoad(row) : null;
            case PROCESS -> "ProcessCreated".equals(actionType) ? processCreated(row) : null;
        };
        if (e == null) {
            return null;
        }
        Long time = row.time("Timestamp");
        if (time == null && fallbackTime == null) {
            throw row.missing("Timestamp");
        }
        e.timestamp = time != null ? time : fallbackTime;
        e.dataset = table.dataset();
        e.provider = PROVIDER;
        e.code = actionType;
        e.hostName = row.text("DeviceName");
        e.hostId = row.text("DeviceId");
        e.id = RecordIds.of(e.hostId, row.text("ReportId"), record);
        return e;
    }

    private static Event network(FieldReader row, Connection connection) throws MalformedRecordException {
        if (connection == null) {
            return null;
        }
        Event e = connection.kind.newEvent();
        e.outcome = connection.outcome.value();
        e.networkDirection = connection.direction == null ? null : connection.direction.value();
        initiatingProcess(e, row);
        e.sourceIp = row.text("LocalIP");
        e.sourcePort = row.port("LocalPort");
        e.destinationIp = row.text("RemoteIP");
        e.destinationPort = row.port("RemotePort");
        e.destinationDomain = WindowsValueNormalizer.hostOfUrl(row.text("RemoteUrl"));
        e.networkTransport = WindowsValueNormalizer.transport(row.text("Protocol"));
        e.bytesOut = row.longValue("SentBytes");
        e.bytesIn = row.longValue("ReceivedBytes");
        return e;
    }

    private static Event imageLoad(FieldReader row) throws MalformedRecordException {
        Event e = EventAction.LIBRARY_LOAD.newEvent();
        initiatingProcess(e, row);
        e.dllName = row.text("FileName");
        e.dllPath = WindowsValueNormalizer.fullPath(row.text("FolderPath"), e.dllName);
        return e;
    }

    /** The created process is the row's own file; the initiating process is its parent. */
    private static Event processCreated(FieldReader row) throws MalformedRecordException {
        Event e = EventAction.PROCESS_START.newEvent();
        e.processName = row.text("FileName");
        e.processExecutable = WindowsValueNormalizer.fullPath(row.text("FolderPath"), e.processName);
        e.processPid = row.longValue("ProcessId");
        e.processCommandLine = row.text("ProcessCommandLine");
        e.processHashSha256 = row.text("SHA256");
        e.processStart = row.time("ProcessCreationTime");
        e.userName = WindowsValueNormalizer.account(row.text("AccountDomain"), row.text("AccountName"));
        e.parentName = row.text("InitiatingProcessFileName");
        e.parentExecutable = WindowsValueNormalizer.fullPath(row.text("InitiatingProcessFolderPath"), e.parentName);
        e.parentPid = row.longValue("InitiatingProcessId");
        return e;
    }

    /** On network and image-load rows the acting process is the initiating one. */
    private static void initiatingProcess(Event e, FieldReader row) throws MalformedRecordException {
        e.processName = row.text("InitiatingProcessFileName");
        e.processExecutable = WindowsValueNormalizer.fullPath(row.text("InitiatingProcessFolderPath"), e.processName);
        e.processPid = row.longValue("InitiatingProcessId");
        e.processCommandLine = row.text("InitiatingProcessCommandLine");
        e.processHashSha256 = row.text("InitiatingProcessSHA256");
        e.processStart = row.time("InitiatingProcessCreationTime");
        e.userName = WindowsValueNormalizer.account(
                row.text("InitiatingProcessAccountDomain"), row.text("InitiatingProcessAccountName"));
        e.parentName = row.text("InitiatingProcessParentFileName");
        e.parentPid = row.longValue("InitiatingProcessParentId");
    }
}
