package org.t1573.ingest.linux;

import java.util.Locale;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Azure VM Insights {@code VMConnection} rows (channel {@code vmconnection}): per process and
 * remote end, the connections and bytes of one aggregation interval. Each row gives one
 * {@code network_connection} with its byte counts, the only Linux host source here that has
 * them. Bytes are from the monitored machine's side: BytesSent is out, BytesReceived in.
 *
 * <p>The row's {@code Process} id names the process across rows (there is no pid).
 * {@code TimeGenerated} is the interval's time, which can be a minute off the connection itself.
 */
public class VmConnectionParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "vmconnection";
    static final String OTHER_TYPE = "row of a Log Analytics table other than VMConnection";

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        FieldReader row = JsonFieldReader.parse(record, SOURCE);
        String type = row.text("Type");
        if (type != null && !"VMConnection".equals(type)) {
            ignored.accept(OTHER_TYPE);
            return;
        }
        Event e = LinuxEvents.newEvent(EventAction.NETWORK_CONNECTION, "azure.vmconnection");
        e.provider = "VMInsights";
        Long time = row.time("TimeGenerated");
        if (time == null) {
            throw new MalformedRecordException(SOURCE + ": field TimeGenerated is missing");
        }
        e.timestamp = time;
        e.hostName = row.text("Computer");
        String process = row.text("Process");
        e.processEntityId = process == null ? null : e.hostName + '|' + process;
        e.processName = row.text("ProcessName");
        e.sourceIp = row.text("SourceIp");
        e.destinationIp = row.text("DestinationIp");
        e.destinationPort = row.port("DestinationPort");
        String protocol = row.text("Protocol");
        e.networkTransport = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
        NetworkDirection direction = NetworkDirection.parse(row.text("Direction"));
        e.networkDirection = direction == null ? null : direction.value();
        e.bytesOut = row.longValue("BytesSent");
        e.bytesIn = row.longValue("BytesReceived");
        Long established = row.longValue("LinksEstablished");
        e.outcome = (established != null && established > 0 ? EventOutcome.SUCCESS : EventOutcome.UNKNOWN).value();
        String connection = row.text("ConnectionId");
        e.sessionId = connection;
        e.id = connection == null ? LinuxEvents.idOf(record) : connection + '@' + row.required("TimeGenerated");
        out.accept(e);
    }
}
