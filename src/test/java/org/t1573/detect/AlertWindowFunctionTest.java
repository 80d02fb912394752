package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternSet;

/** The alert window in isolation: one alert per window, repeats counted, state cleared. */
class AlertWindowFunctionTest {
    private static final GroupKey KEY = GroupKey.of("HOST-1\u001f{guid-1}");
    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;

    private KeyedOneInputStreamOperatorTestHarness<GroupKey, MatchRecord, String> harness;

    @BeforeEach
    void open() throws Exception {
        CompiledPattern an0400 = PatternSet.load(List.of(java.nio.file.Path.of("patterns")), Map.of()).patterns()
                .stream().filter(p -> p.id().equals("AN0400")).findFirst().orElseThrow();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AlertWindowFunction(an0400)), MatchRecord::getKey, TypeInformation.of(GroupKey.class));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void writesOneAlertPerWindowAndCountsRepeats() throws Exception {
        for (int i = 0; i < 5; i++) {
            harness.processElement(match("load-1", "conn-" + i, T0 + i * MINUTE), T0 + i * MINUTE);
        }
        harness.processWatermark(new Watermark(T0 + 20 * MINUTE));
        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        assertThat(alerts).extracting(Alert::activity).containsExactly("create", "update");
        assertThat(alerts.get(1).summary().get("ConnectionCount")).isEqualTo(5);
        assertThat(alerts.get(1).suppressedRepeats()).isEqualTo(4);
    }

    @Test
    void writesTheSameLinesWhetherTheWatermarkAdvancesOnceOrPerRecord() throws Exception {
        for (int i = 0; i < 5; i++) {
            harness.processElement(match("load-1", "conn-" + i, T0 + i * MINUTE), T0 + i * MINUTE);
            harness.processWatermark(new Watermark(T0 + i * MINUTE));
        }
        harness.processWatermark(new Watermark(T0 + 20 * MINUTE));
        List<String> stepwise = List.copyOf(harness.extractOutputValues());
        close();
        open();
        for (int i = 4; i >= 0; i--) {
            harness.processElement(match("load-1", "conn-" + i, T0 + i * MINUTE), T0 + i * MINUTE);
        }
        harness.processWatermark(new Watermark(T0 + 20 * MINUTE));
        assertThat(harness.extractOutputValues()).isEqualTo(stepwise);
    }

    @Test
    void writesTheAlertWhenTheWatermarkPassesAndAnUpdateAtWindowEnd() throws Exception {
        harness.processElement(match("load-1", "conn-0", T0), T0);
        harness.processWatermark(new Watermark(T0));
        harness.processElement(match("load-1", "conn-1", T0 + MINUTE), T0 + MINUTE);
        harness.processWatermark(new Watermark(T0 + 16 * MINUTE));
        assertThat(alerts()).extracting(Alert::activity).containsExactly("create", "update");
        assertThat(alerts().get(1).summary().get("ConnectionCount")).isEqualTo(2);
    }

    @Test
    void clearsAllStateWhenTheWindowCloses() throws Exception {
        harness.processElement(match("load-1", "conn-0", T0), T0);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(new Watermark(T0 + 15 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void clearsAllStateWhenTheProcessExits() throws Exception {
        harness.processElement(match("load-1", "conn-0", T0), T0);
        Event exit = event("exit", T0 + MINUTE);
        harness.processElement(new MatchRecord(KEY, exit.timestamp, true, new Event[] {exit}, new int[] {-1}),
                exit.timestamp);
        harness.processWatermark(new Watermark(T0 + MINUTE));
        assertThat(alerts()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void opensANewWindowAfterTheFirstCloses() throws Exception {
        harness.processElement(match("load-1", "conn-0", T0), T0);
        harness.processElement(match("load-2", "conn-1", T0 + 16 * MINUTE), T0 + 16 * MINUTE);
        harness.processWatermark(new Watermark(T0 + 40 * MINUTE));
        assertThat(alerts()).extracting(Alert::alertId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void countsEachSessionOnceWhenSeveralLoadsMatchIt() throws Exception {
        harness.processElement(match("load-1", "conn-0", T0), T0);
        harness.processElement(match("load-2", "conn-0", T0), T0);
        harness.processWatermark(new Watermark(T0 + 15 * MINUTE));
        assertThat(alerts().get(0).summary().get("ConnectionCount")).isEqualTo(1);
        assertThat(alerts().get(0).summary().get("CryptoLibsLoaded")).isEqualTo(List.of("load-1.dll", "load-2.dll"));
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues().stream().map(AlertJson::read).toList();
    }

    private static MatchRecord match(String load, String connection, long time) {
        Event l = event(load, time - 1000);
        l.action = "library_load";
        l.dllName = load + ".dll";
        Event c = event(connection, time);
        c.action = "network_connection";
        c.destinationIp = "203.0.113.9";
        c.destinationPort = 4444;
        return new MatchRecord(KEY, time, false, new Event[] {l, c}, new int[] {0, 1});
    }

    private static Event event(String id, long time) {
        Event e = new Event();
        e.id = id;
        e.timestamp = time;
        e.hostName = "HOST-1";
        e.processEntityId = "{guid-1}";
        e.processName = "rundll32.exe";
        return e;
    }

    /**
     * AN0404 ends in an absent handshake: CEP emits each flow's match a timespan (10 minutes)
     * after the flow. A flow 6 minutes into the window arrives when the watermark has passed the
     * window's end; it still belongs to that window, as in BATCH, where timers fire in order.
     */
    @Test
    void aMatchThatCepEmitsATimespanLateStillJoinsItsWindow() throws Exception {
        CompiledPattern an0404 = PatternSet.load(List.of(java.nio.file.Path.of("patterns")), Map.of()).patterns()
                .stream().filter(p -> p.id().equals("AN0404")).findFirst().orElseThrow();
        close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new AlertWindowFunction(an0404)),
                MatchRecord::getKey, TypeInformation.of(GroupKey.class));
        harness.open();
        for (int i = 0; i < 4; i++) {
            long flow = T0 + 2 * i * MINUTE;
            // Each match arrives as the watermark reaches its flow's time plus the timespan.
            harness.processWatermark(new Watermark(flow + 10 * MINUTE - 1));
            harness.processElement(new MatchRecord(KEY, flow, false, new Event[] {opaqueFlow("flow-" + i, flow)},
                    new int[] {0}), flow);
        }
        harness.processWatermark(new Watermark(T0 + 40 * MINUTE));

        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::activity).containsExactly("create", "update");
        assertThat(alerts.get(1).summary()).containsEntry("Sessions", 4);
        assertThat(alerts.get(1).lastSeen()).isEqualTo(AlertJson.time(T0 + 6 * MINUTE));
    }

    private static Event opaqueFlow(String id, long time) {
        Event e = new Event();
        e.id = id;
        e.timestamp = time;
        e.action = "flow";
        e.sourceIp = "10.20.0.10";
        e.destinationIp = "203.0.113.50";
        e.destinationPort = 4444;
        e.bytesOut = 2100L;
        e.bytesIn = 3900L;
        return e;
    }
}
