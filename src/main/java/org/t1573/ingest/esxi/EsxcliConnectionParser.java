package org.t1573.ingest.esxi;

import inet.ipaddr.IPAddressString;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "esxcli" channel: snapshots of {@code esxcli network ip connection list},
 * text or CSV (see {@link ConnectionTable}). An ESTABLISHED TCP row becomes a
 * {@code network_connection} (outcome success), a SYN_SENT row an attempt (outcome unknown);
 * other states, UDP rows and listening sockets give no event. The foreign address is the
 * destination, the local one the source, the world id {@code process.pid} and the world name
 * {@code process.name}.
 *
 * <p>A snapshot says nothing of when it was taken, and an event needs a time: a
 * {@code # collected <ISO-8601 time>} line must precede each table's header (and
 * {@code # host <name>} names the host). Rows of a table without one are dead letters.
 *
 * <p>The table has no direction column. A row is inbound when its local port is one the same
 * snapshot lists as LISTEN (on an earlier row) or below 1024 (ESXi's services: 443, 902, 22),
 * otherwise outbound.
 */
public final class EsxcliConnectionParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "esxcli";
    static final String DATASET = "esxcli.network.connection";
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    /** A listening socket (its port marks inbound sessions) or a session other than outbound TCP. */
    static final String UNUSED_ROW = "row other than an established or opening TCP session";

    private final CommentHeader header = new CommentHeader();
    private ConnectionTable table;
    private Long tableTime;
    private Set<Integer> listening = new HashSet<>();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        if (header.skips(record, SOURCE, ignored)) {
            return;
        }
        ConnectionTable started = ConnectionTable.ofHeader(record, SOURCE);
        if (started != null) {
            table = started;
            tableTime = header.takeCollected();
            listening = new HashSet<>();
            ignored.accept(HEADER_LINE);
            return;
        }
        if (table == null) {
            throw new MalformedRecordException(SOURCE + ": line before any connection table header");
        }
        if (table.readSeparator(record, SOURCE)) {
            ignored.accept(HEADER_LINE);
            return;
        }
        Map<String, String> row = table.row(record, SOURCE);
        if (tableTime == null) {
            throw new MalformedRecordException(SOURCE + ": snapshot has no time: write '# collected <ISO-8601 time>'"
                    + " before its header (esxcli output carries none)");
        }
        Event e = event(row, record);
        if (e != null) {
            out.accept(e);
        } else {
            ignored.accept(UNUSED_ROW);
        }
    }

    private Event event(Map<String, String> row, String record) throws MalformedRecordException {
        String state = row.get("State").toUpperCase(Locale.ROOT);
        String proto = row.get("Proto").toLowerCase(Locale.ROOT);
        Address local = address(row.get("LocalAddress"), "LocalAddress");
        if (state.equals("LISTEN")) {
            listening.add(local.port);
            return null;
        }
        if (!proto.startsWith("tcp") || !(state.equals("ESTABLISHED") || state.equals("SYN_SENT"))) {
            return null;
        }
        Address foreign = address(row.get("ForeignAddress"), "ForeignAddress");
        Event e = new Event();
        e.timestamp = tableTime;
        EventAction.NETWORK_CONNECTION.mark(e);
        e.dataset = DATASET;
        e.hostName = header.host();
        e.sourceIp = local.ip;
        e.sourcePort = local.port;
        e.destinationIp = foreign.ip;
        e.destinationPort = foreign.port;
        e.networkTransport = "tcp";
        e.connectionState = state;
        e.outcome = (state.equals("ESTABLISHED") ? EventOutcome.SUCCESS : EventOutcome.UNKNOWN).value();
        boolean inbound = listening.contains(local.port) || local.port < FIRST_UNPRIVILEGED_PORT;
        e.networkDirection = NetworkDirection.of(!inbound).value();
        e.processPid = worldId(row.get("WorldID"));
        e.processName = row.get("WorldName").isEmpty() ? null : row.get("WorldName");
        e.processEntityId = e.processName == null ? null : EsxiProcesses.entityId(e.hostName, e.processName);
        e.id = UUID.nameUUIDFromBytes((e.hostName + '\n' + tableTime + '\n' + record.strip())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return e;
    }

    private static Long worldId(String text) throws MalformedRecordException {
        try {
            return text.isEmpty() ? null : Long.valueOf(text);
        } catch (NumberFormatException ex) {
            throw new MalformedRecordException(SOURCE + ": WorldID '" + text + "' is not a number");
        }
    }

    /** {@code ip:port}, IPv6 possibly bracketed or with a {@code %zone}; the port is after the last ':'. */
    private static Address address(String text, String column) throws MalformedRecordException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new MalformedRecordException(SOURCE + ": " + column + " '" + text + "' is not address:port");
        }
        String host = text.substring(0, colon);
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = host.indexOf('%');
        host = zone >= 0 ? host.substring(0, zone) : host;
        IPAddressString ip = new IPAddressString(host);
        String portText = text.substring(colon + 1);
        if (!ip.isIPAddress() || portText.isEmpty() || portText.length() > 5
                || !portText.chars().allMatch(Character::isDigit) || Integer.parseInt(portText) > 65535) {
            throw new MalformedRecordException(SOURCE + ": " + column + " '" + text + "' is not address:port");
        }
        return new Address(ip.getAddress().toCanonicalString(), Integer.parseInt(portText));
    }

    private record Address(String ip, int port) {}
}
