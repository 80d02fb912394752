package org.t1573.ingest.network;

import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

/**
 * A row of {@code nfdump -o csv} ({@code ts,te,td,sa,da,sp,dp,pr,flg,...,ipkt,ibyt,opkt,obyt,...}).
 * Times are nfdump's local time of the collector; they are read as UTC. {@code obyt}/{@code opkt}
 * are only filled by bidirectional exporters (NSEL); plain NetFlow leaves them 0.
 */
final class NfdumpCsvMapper {

    static final String SOURCE = "nfdump csv";

    private NfdumpCsvMapper() {}

    static Event map(NetworkFieldReader v, String record) throws MalformedRecordException {
        Event e = FlowEvents.flow("netflow.nfdump", "nfdump", v.requiredTime("ts"),
                NetworkIds.of("netflow.nfdump", null, record));
        e.durationSeconds = v.doubleValue("td");
        e.sourceIp = v.requiredIp("sa");
        e.destinationIp = v.requiredIp("da");
        e.networkTransport = FlowEvents.transport(v.text("pr"));
        e.sourcePort = v.port("sp");
        e.destinationPort = v.port("dp");
        e.bytesOut = v.longValue("ibyt");
        e.packetsOut = v.longValue("ipkt");
        e.bytesIn = v.longValue("obyt");
        e.packetsIn = v.longValue("opkt");
        return e;
    }
}
