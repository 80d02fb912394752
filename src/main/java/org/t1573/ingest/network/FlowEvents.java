package org.t1573.ingest.network;

import java.util.Locale;
import java.util.Map;
import org.t1573.event.Event;
import org.t1573.event.EventAction;

/** What every flow record becomes, whatever sensor wrote it: an event with action {@code flow}. */
final class FlowEvents {

    /** IANA protocol numbers of the transports flow exporters report by number. */
    private static final Map<String, String> PROTOCOL_NUMBERS = Map.of(
            "1", "icmp", "6", "tcp", "17", "udp", "47", "gre", "50", "esp", "58", "ipv6-icmp", "132", "sctp");

    private FlowEvents() {}

    static Event flow(String dataset, String provider, long timestamp, String id) {
        Event e = new Event();
        e.timestamp = timestamp;
        e.id = id;
        e.dataset = dataset;
        e.provider = provider;
        EventAction.FLOW.mark(e);
        return e;
    }

    /** "TCP", "tcp" and "6" all read as "tcp"; an unknown number stays a number. */
    static String transport(String protocol) {
        if (protocol == null) {
            return null;
        }
        String p = protocol.strip().toLowerCase(Locale.ROOT);
        return PROTOCOL_NUMBERS.getOrDefault(p, p);
    }
}
