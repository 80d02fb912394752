package org.t1573.ingest.linux;

import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * Turns one osquery result row into an event. A row "added" or in a snapshot is something
 * observed at the query's time; a "removed" row only matters for processes (they ended).
 *
 * <p>{@code process_memory_map} and {@code process_open_sockets} have only the pid; a query
 * that joins {@code processes} for {@code name} and {@code path AS process_path} (and
 * {@code cmdline}) gives the process too, which the analytics' allow-lists need, e.g.
 * {@code SELECT m.pid, p.name, p.path AS process_path, p.cmdline, m.path, m.offset
 * FROM process_memory_map m JOIN processes p USING (pid) WHERE m.path LIKE '%.so%'}.
 */
final class OsqueryRowMapper {

    /** Linux's default first ephemeral port (net.ipv4.ip_local_port_range 32768-60999). */
    private static final int FIRST_EPHEMERAL_PORT = 32768;
    private static final String AF_UNIX = "1";

    private OsqueryRowMapper() {}

    /** The event of the row, or null for a row no analytic uses. */
    static Event map(OsqueryTable table, FieldReader row, boolean removed) throws MalformedRecordException {
        return switch (table) {
            case PROCESS_MEMORY_MAP -> removed ? null : libraryLoad(row);
            case PROCESS_OPEN_SOCKETS -> removed ? null : socket(row);
            case PROCESSES -> process(row, removed);
        };
    }

    /**
     * A mapped shared object. A library is mapped in several segments; only the one at file
     * offset 0 (every library has exactly one) counts, so a library gives one load.
     */
    private static Event libraryLoad(FieldReader row) throws MalformedRecordException {
        String path = row.text("path");
        String offset = row.text("offset");
        if (path == null || !LinuxEvents.baseName(path).contains(".so")
                || (offset != null && !isZero(offset))) {
            return null;
        }
        Event e = LinuxEvents.newEvent(EventAction.LIBRARY_LOAD, "osquery." + OsqueryTable.PROCESS_MEMORY_MAP.table);
        joinedProcess(e, row);
        e.dllPath = path;
        e.dllName = LinuxEvents.baseName(path);
        return e;
    }

    private static boolean isZero(String offset) {
        return offset.chars().allMatch(c -> c == '0' || c == 'x' || c == 'X');
    }

    private static Event socket(FieldReader row) throws MalformedRecordException {
        if (AF_UNIX.equals(row.text("family"))) {
            return null;
        }
        String remote = row.text("remote_address");
        Integer remotePort = row.port("remote_port");
        boolean connected = remote != null && remotePort != null && remotePort != 0;
        boolean listening = "LISTEN".equalsIgnoreCase(row.text("state"));
        if (!connected && !listening) {
            return null;
        }
        EventAction kind = connected ? EventAction.NETWORK_CONNECTION : EventAction.LISTEN;
        Event e = LinuxEvents.newEvent(kind, "osquery." + OsqueryTable.PROCESS_OPEN_SOCKETS.table);
        joinedProcess(e, row);
        e.sourceIp = row.text("local_address");
        e.sourcePort = row.port("local_port");
        e.networkTransport = transport(row.text("protocol"));
        if (connected) {
            e.destinationIp = remote;
            e.destinationPort = remotePort;
            String state = row.text("state");
            boolean opening = "SYN_SENT".equalsIgnoreCase(state);
            // The table has no direction: a connection from an ephemeral local port was opened here.
            boolean outbound = opening || (e.sourcePort != null && e.sourcePort >= FIRST_EPHEMERAL_PORT);
            e.networkDirection = NetworkDirection.of(outbound).value();
            e.outcome = (opening ? EventOutcome.UNKNOWN : EventOutcome.SUCCESS).value();
        }
        return e;
    }

    /** The pid, and the process columns a query joined from {@code processes}. */
    private static void joinedProcess(Event e, FieldReader row) throws MalformedRecordException {
        e.processPid = row.longValue("pid");
        e.processExecutable = row.text("process_path");
        String name = row.text("name");
        e.processName = name != null ? name : LinuxEvents.baseName(e.processExecutable);
        e.processCommandLine = row.text("cmdline");
    }

    private static String transport(String protocol) {
        if (protocol == null) {
            return null;
        }
        return switch (protocol) {
            case "6" -> "tcp";
            case "17" -> "udp";
            default -> protocol;
        };
    }

    private static Event process(FieldReader row, boolean removed) throws MalformedRecordException {
        EventAction kind = removed ? EventAction.PROCESS_END : EventAction.PROCESS_START;
        Event e = LinuxEvents.newEvent(kind, "osquery." + OsqueryTable.PROCESSES.table);
        e.processPid = row.longValue("pid");
        e.processExecutable = row.text("path");
        String name = row.text("name");
        e.processName = name != null ? name : LinuxEvents.baseName(e.processExecutable);
        e.processCommandLine = row.text("cmdline");
        e.parentPid = row.longValue("parent");
        e.userName = row.text("uid");
        return e;
    }
}
