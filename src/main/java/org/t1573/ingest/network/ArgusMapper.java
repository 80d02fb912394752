package org.t1573.ingest.network;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.event.Event;
import org.t1573.ingest.IpText;
import org.t1573.ingest.MalformedRecordException;

/**
 * A row of an Argus bidirectional flow CSV ({@code .binetflow}: StartTime, Dur, Proto, SrcAddr,
 * Sport, Dir, DstAddr, Dport, State, ..., TotPkts, TotBytes, SrcBytes, srcUdata, dstUdata).
 * Non-IP flows (arp, llc: MAC addresses, no ports) give no event. TotPkts counts both directions
 * and is not split, so packets stay unknown. Times are read as UTC.
 */
final class ArgusMapper {

    static final String SOURCE = "argus binetflow";
    /** Why a row gives no event when {@link #map} returns null. */
    static final String NON_IP_FLOW = "argus non-IP flow";
    /** Link-layer flows: ARP names IP addresses but has no ports or payload of interest. */
    private static final Set<String> NON_IP = Set.of("arp", "rarp", "llc");
    private static final Set<String> PORTLESS = Set.of("icmp", "ipv6-icmp", "igmp");
    /** Argus user data: {@code s[640]=<base64>}, the bracket is the number of bytes captured. */
    private static final Pattern USER_DATA = Pattern.compile("^[sd]\\[(\\d+)\\]=");

    private ArgusMapper() {}

    /** The flow, or null for a non-IP flow. */
    static Event map(NetworkFieldReader v, String record) throws MalformedRecordException {
        String source = v.required("SrcAddr");
        String destination = v.required("DstAddr");
        // Without a Proto column the transport is unknown (null, which Set.of's contains refuses).
        String transport = FlowEvents.transport(v.text("Proto"));
        // A MAC address marks a link-layer flow; other text that is not an address is malformed (EventValues).
        if ((transport != null && NON_IP.contains(transport)) || IpText.isMac(source) || IpText.isMac(destination)) {
            return null;
        }
        Event e = FlowEvents.flow("netflow.argus", "argus", startTime(v), NetworkIds.of("netflow.argus", null, record));
        e.durationSeconds = v.doubleValue("Dur");
        e.networkTransport = transport;
        e.sourceIp = source;
        e.destinationIp = destination;
        boolean ports = transport == null || !PORTLESS.contains(transport);
        e.sourcePort = ports ? v.port("Sport") : null;
        e.destinationPort = ports ? v.port("Dport") : null;
        e.connectionState = v.text("State");
        Long total = v.longValue("TotBytes");
        e.bytesOut = v.longValue("SrcBytes");
        e.bytesIn = total == null || e.bytesOut == null ? null : total - e.bytesOut;
        e.payloadBytes = userDataBytes(v);
        return e;
    }

    /** Argus writes "2011/08/10 09:46:59.607825". */
    private static long startTime(NetworkFieldReader v) throws MalformedRecordException {
        String text = v.required("StartTime");
        NetworkFieldReader iso = new NetworkFieldReader(v.source(), name -> text.replace('/', '-'));
        return iso.requiredTime("StartTime");
    }

    private static Long userDataBytes(NetworkFieldReader v) throws MalformedRecordException {
        Long sum = null;
        for (String name : new String[] {"srcUdata", "dstUdata"}) {
            String text = v.text(name);
            Matcher m = text == null ? null : USER_DATA.matcher(text);
            if (m != null && m.find()) {
                try {
                    sum = (sum == null ? 0 : sum) + Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    throw v.invalid(name, text, "user data whose length is not a byte count");
                }
            }
        }
        return sum;
    }
}
