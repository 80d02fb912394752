package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

class SessionJoinTest {
    private static final long T0 = 1_692_161_673_000L;
    private static final long TOLERANCE = 120_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, Event, Event> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new HeldWatermarkOperator<>(new SessionJoin(TOLERANCE), TOLERANCE), SessionJoin::keyOf, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void theHostEventGetsTheSessionAndTheSensorRecordsGetTheProcessEvenWhenTheSensorIsLater() throws Exception {
        add(host(T0));
        add(flow(T0 + 1_500, "C6lHTD1NEfitEA9vDc"));
        add(handshake(T0 + 1_600));
        harness.processWatermark(new Watermark(T0 + 1_600 + TOLERANCE));

        List<Event> out = harness.extractOutputValues();
        Event host = out.stream().filter(e -> e.action.equals("network_connection")).findFirst().orElseThrow();
        assertThat(host.sessionId).isEqualTo("C6lHTD1NEfitEA9vDc");
        assertThat(host.bytesIn).isEqualTo(1386L);
        assertThat(host.tlsVersion).isEqualTo("TLSv12");
        assertThat(out.stream().filter(e -> !e.action.equals("network_connection")).map(e -> e.processName)
                .collect(Collectors.toList())).containsExactly("winx64_payload.exe", "winx64_payload.exe");
        Event tls = out.stream().filter(e -> e.action.equals("tls_handshake")).findFirst().orElseThrow();
        assertThat(List.of(tls.bytesIn, tls.networkTransport)).as("the handshake gets its flow")
                .containsExactly(1386L, "tcp");
    }

    @Test
    void sensorRecordsOfDifferentSessionsOnTheSameEndpointsDoNotJoin() throws Exception {
        // Zeek logged a second conn record (RSTRH) for 51129 eleven seconds later.
        add(handshake(T0 + 1_600));
        add(flow(T0 + 11_000, "CMZ6e73Kms0SUHMSy3"));
        harness.processWatermark(new Watermark(T0 + 11_000 + TOLERANCE));

        Event tls = harness.extractOutputValues().stream().filter(e -> e.action.equals("tls_handshake"))
                .findFirst().orElseThrow();
        assertThat(tls.bytesIn).isNull();
    }

    @Test
    void recordsFurtherApartThanTheToleranceStayUnjoined() throws Exception {
        // The Sysmon EID 3 clock of the LSASS capture without correction: 134 h behind.
        add(host(T0 - 134L * 3_600_000L));
        add(flow(T0, "C6lHTD1NEfitEA9vDc"));
        harness.processWatermark(new Watermark(T0 + TOLERANCE));

        assertThat(harness.extractOutputValues()).hasSize(2)
                .allSatisfy(e -> assertThat(e.sessionId == null || e.processName == null).isTrue());
    }

    @Test
    void theWatermarkIsHeldBackSoReleasedEventsAreNotLateDownstream() throws Exception {
        add(host(T0));
        harness.processWatermark(new Watermark(T0 + TOLERANCE + 5_000));

        Event released = harness.extractOutputValues().get(0);
        long forwarded = harness.getOutput().stream().filter(o -> o instanceof Watermark)
                .mapToLong(o -> ((Watermark) o).getTimestamp()).max().orElseThrow();
        assertThat(forwarded).isEqualTo(T0 + 5_000);
        assertThat(released.timestamp).isEqualTo(T0);
    }

    private void add(Event e) throws Exception {
        harness.processElement(e, e.timestamp);
    }

    private static Event endpoints(Event e, long t, String action) {
        e.timestamp = t;
        e.action = action;
        e.id = action + t;
        e.sourceIp = "192.168.1.41";
        e.sourcePort = 51129;
        e.destinationIp = "10.0.5.13";
        e.destinationPort = 8080;
        return e;
    }

    private static Event host(long t) {
        Event e = endpoints(new Event(), t, "network_connection");
        e.networkTransport = "tcp";
        e.processName = "winx64_payload.exe";
        e.processPid = 1988L;
        e.hostName = "MKT01.pandalab.com";
        return e;
    }

    private static Event flow(long t, String uid) {
        Event e = endpoints(new Event(), t, "flow");
        e.networkTransport = "tcp";
        e.sessionId = uid;
        e.bytesOut = 0L;
        e.bytesIn = 1386L;
        return e;
    }

    private static Event handshake(long t) {
        Event e = endpoints(new Event(), t, "tls_handshake");
        e.sessionId = "C6lHTD1NEfitEA9vDc";
        e.tlsVersion = "TLSv12";
        return e;
    }
}
