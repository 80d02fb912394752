package org.t1573.ingest.network;

import com.fasterxml.jackson.databind.JsonNode;
import org.t1573.event.Event;
import org.t1573.ingest.IpText;
import org.t1573.ingest.MalformedRecordException;

/**
 * goflow2 JSON flow messages, both spellings: v1 ({@code TimeFlowStart} seconds, {@code SrcAddr},
 * {@code Bytes}; older builds write addresses as base64 bytes) and v2 ({@code time_flow_start_ns},
 * {@code src_addr}, {@code bytes}). NetFlow/IPFIX/sFlow records are unidirectional: the bytes
 * and packets are those the source sent, and nothing is known of the reverse direction.
 */
final class Goflow2Mapper {

    private static final String SOURCE = "goflow2";
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Goflow2Mapper() {}

    static Event map(JsonNode root, String record) throws MalformedRecordException {
        NetworkFieldReader v = NetworkJsonReader.of(SOURCE, root);
        Event e = FlowEvents.flow("netflow.goflow2", SOURCE, time(v), NetworkIds.of("netflow.goflow2", null, record));
        e.sourceIp = address(v, "SrcAddr", "src_addr");
        e.destinationIp = address(v, "DstAddr", "dst_addr");
        e.sourcePort = port(v, "SrcPort", "src_port");
        e.destinationPort = port(v, "DstPort", "dst_port");
        e.networkTransport = FlowEvents.transport(v.firstText("Proto", "proto"));
        e.bytesOut = v.longValue(v.text("Bytes") != null ? "Bytes" : "bytes");
        e.packetsOut = v.longValue(v.text("Packets") != null ? "Packets" : "packets");
        Long end = endTime(v);
        e.durationSeconds = end == null || end < e.timestamp ? null : (end - e.timestamp) / 1000.0;
        return e;
    }

    /** Flow start; sFlow and some exporters leave it 0, so then the time the collector received it. */
    private static long time(NetworkFieldReader v) throws MalformedRecordException {
        Long seconds = positive(v, "TimeFlowStart");
        if (seconds == null) {
            seconds = positive(v, "TimeReceived");
        }
        if (seconds != null) {
            return seconds * 1000;
        }
        Long nanos = positive(v, "time_flow_start_ns");
        if (nanos == null) {
            nanos = positive(v, "time_received_ns");
        }
        if (nanos == null) {
            throw new MalformedRecordException(SOURCE + ": no TimeFlowStart, TimeReceived, time_flow_start_ns "
                    + "or time_received_ns");
        }
        return nanos / NANOS_PER_MILLI;
    }

    private static Long endTime(NetworkFieldReader v) throws MalformedRecordException {
        Long seconds = positive(v, "TimeFlowEnd");
        if (seconds != null) {
            return seconds * 1000;
        }
        Long nanos = positive(v, "time_flow_end_ns");
        return nanos == null ? null : nanos / NANOS_PER_MILLI;
    }

    private static Long positive(NetworkFieldReader v, String name) throws MalformedRecordException {
        Long value = v.longValue(name);
        return value == null || value <= 0 ? null : value;
    }

    private static String address(NetworkFieldReader v, String v1, String v2) throws MalformedRecordException {
        String name = v.text(v1) != null ? v1 : v2;
        String text = v.verbatim(name);
        if (text == null) {
            throw v.missing(name);
        }
        String ip = IpText.literalOrBase64(text);
        if (ip == null) {
            throw v.invalid(name, text, "neither an IP address nor base64 of 4 or 16 address bytes");
        }
        return ip;
    }

    private static Integer port(NetworkFieldReader v, String v1, String v2) throws MalformedRecordException {
        return v.port(v.text(v1) != null ? v1 : v2);
    }
}
