package org.t1573.ingest.network;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/**
 * A row of nfdump's default "line" output: {@code Date flow start, Duration, Proto, Src IP
 * Addr:Port, ->, Dst IP Addr:Port, Flags, Tos, Packets, Bytes, Flows} separated by blanks or
 * tabs, with large counts scaled ({@code 1.2 M}; nfdump scales by 1000). IPv6 endpoints carry
 * the port after a dot ({@code 2001:db8::1.443}); ICMP/IGMP endpoints carry type and code instead. Extra trailing columns (a labeller's Label)
 * are ignored. Times are the collector's local time, read as UTC.
 */
final class NfdumpLineMapper {

    static final String SOURCE = "nfdump line";
    private static final Map<String, Long> SCALE = Map.of("K", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L,
            "T", 1_000_000_000_000L);
    /** Date, time, duration, proto, source, arrow, destination, flags, tos, packets, bytes, flows. */
    private static final int MIN_TOKENS = 12;
    private static final int PACKETS_COLUMN = 9;
    private static final Pattern IPV4_ENDPOINT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):(.*)");
    /** Transports whose endpoints have real port numbers. */
    private static final Set<String> PORTED = Set.of("tcp", "udp", "sctp");

    private NfdumpLineMapper() {}

    static Event map(String record) throws MalformedRecordException {
        String[] t = record.strip().split("\\s+");
        if (t.length < MIN_TOKENS) {
            throw new MalformedRecordException(SOURCE + ": row has " + t.length + " columns, expected at least "
                    + MIN_TOKENS + " (date time duration proto src -> dst flags tos packets bytes flows)");
        }
        String time = t[0] + ' ' + t[1];
        NetworkFieldReader v = new NetworkFieldReader(SOURCE, name -> switch (name) {
            case "start" -> time;
            case "duration" -> t[2];
            default -> null;
        });
        Event e = FlowEvents.flow("netflow.nfdump", "nfdump", v.requiredTime("start"),
                NetworkIds.of("netflow.nfdump", null, record));
        e.durationSeconds = v.doubleValue("duration");
        e.networkTransport = FlowEvents.transport(t[3]);
        String[] source = endpoint(t[4]);
        String[] destination = endpoint(t[6]);
        e.sourceIp = source[0];
        e.destinationIp = destination[0];
        e.sourcePort = port(source[1], e.networkTransport);
        e.destinationPort = port(destination[1], e.networkTransport);
        long[] packets = count(t, PACKETS_COLUMN);
        e.packetsOut = packets[0];
        long[] bytes = count(t, (int) packets[1]);
        e.bytesOut = bytes[0];
        return e;
    }

    /** Address and port text: IPv4 {@code a.b.c.d:port}, IPv6 {@code addr.port}. */
    private static String[] endpoint(String text) throws MalformedRecordException {
        Matcher v4 = IPV4_ENDPOINT.matcher(text);
        if (v4.matches()) {
            return new String[] {v4.group(1), v4.group(2)};
        }
        int cut = text.lastIndexOf('.');
        if (cut <= 0 || text.indexOf(':') < 0) {
            throw new MalformedRecordException(SOURCE + ": '" + text + "' is not address:port");
        }
        return new String[] {text.substring(0, cut), text.substring(cut + 1)};
    }

    /** ICMP and IGMP write type and code where the port would be ("3.3", "0:0"): no port then. */
    private static Integer port(String text, String transport) throws MalformedRecordException {
        if (!text.chars().allMatch(Character::isDigit) || text.isEmpty()) {
            if (!PORTED.contains(transport)) {
                return null;
            }
            throw new MalformedRecordException(SOURCE + ": port '" + text + "' is not a number");
        }
        // Six digits or more are past 65535, and may be past what an int holds.
        int port = text.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(text);
        if (port > 65535) {
            throw new MalformedRecordException(SOURCE + ": port '" + text + "' is not a port (0-65535)");
        }
        return port;
    }

    /** The count at {@code t[at]}, scaled by a following unit token, and the index after it. */
    private static long[] count(String[] t, int at) throws MalformedRecordException {
        if (at >= t.length) {
            throw new MalformedRecordException(SOURCE + ": row ends before its packet and byte counts");
        }
        double value;
        try {
            value = Double.parseDouble(t[at]);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(SOURCE + ": count '" + t[at] + "' is not a number");
        }
        Long scale = at + 1 < t.length ? SCALE.get(t[at + 1]) : null;
        return scale == null ? new long[] {Math.round(value), at + 1} : new long[] {Math.round(value * scale), at + 2};
    }
}
