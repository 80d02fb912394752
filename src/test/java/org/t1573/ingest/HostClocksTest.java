package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** The clock each mode gives events of two clocks, on offsets as the real captures have them. */
class HostClocksTest {
    private static final long T = 1_692_000_000_000L;
    /** The collector wrote the host's records 19 h before its sensor time said (reg_meterpreter). */
    private static final long OFFSET = -19 * 3_600_000L;

    private final List<String> retimed = new ArrayList<>();
    private final List<Long> skews = new ArrayList<>();
    private final HostClocks.Findings findings = new HostClocks.Findings() {
        @Override
        public void skewed(String host, String code, long deltaMillis) {
            skews.add(deltaMillis);
        }

        @Override
        public void retimed(String host, String code) {
            retimed.add(host + " " + code);
        }
    };

    private static Event event(String code, long sensor, long written) {
        Event e = new Event();
        e.hostName = "pedro-computer";
        e.code = code;
        e.timestamp = sensor;
        e.created = written;
        return e;
    }

    private long time(HostClocks clocks, Event e) {
        clocks.apply(e, findings);
        return e.timestamp;
    }

    @Test
    void autoKeepsTheSensorTimeOfCodesThatAgreeAndRetimesACodeThatDisagrees() {
        HostClocks auto = new HostClocks(EventTime.AUTO);
        // A module load written 10 ms after its sensor time; a connection stamped 1.6 s before it was written.
        assertThat(time(auto, event("7", T, T + OFFSET + 10))).isEqualTo(T);
        assertThat(time(auto, event("3", T - 300, T + OFFSET + 1_300))).as("written 1.29 s after the load")
                .isEqualTo(T + 1_290);
        assertThat(time(auto, event("7", T + 2_000, T + OFFSET + 2_020))).isEqualTo(T + 2_000);
        assertThat(retimed).containsExactly("pedro-computer 3");
        assertThat(skews).as("1.6 s is no clock skew").isEmpty();
    }

    @Test
    void autoPutsACodeHoursOffOnTheHostsClockAndReportsTheSkew() {
        HostClocks auto = new HostClocks(EventTime.AUTO);
        long behind = 134 * 3_600_000L;
        time(auto, event("1", T, T + 100));
        // LSASS campaign 01: network events' sensor time 134 h behind the host's other codes.
        assertThat(time(auto, event("3", T + 60_000 - behind, T + 60_100))).isEqualTo(T + 60_000);
        assertThat(skews).hasSize(1).allSatisfy(d -> assertThat(d).isEqualTo(behind));
    }

    @Test
    void theOtherModesUseOneClockForEveryEvent() {
        Event sensor = event("3", T - 300, T + OFFSET + 1_300);
        assertThat(time(new HostClocks(EventTime.SENSOR), sensor)).isEqualTo(T - 300);
        assertThat(time(new HostClocks(EventTime.COLLECTOR), event("3", T - 300, T + OFFSET + 1_300)))
                .isEqualTo(T + OFFSET + 1_300);
        HostClocks corrected = new HostClocks(EventTime.CORRECTED);
        time(corrected, event("7", T, T + OFFSET + 10));
        assertThat(time(corrected, event("7", T + 2_000, T + OFFSET + 2_030))).isEqualTo(T + 2_020);
        assertThat(retimed).isEmpty();
    }

    @Test
    void recordsWithOneClockKeepItAndModeWordsAreChecked() {
        Event zeek = new Event();
        zeek.timestamp = T;
        assertThat(time(new HostClocks(EventTime.AUTO), zeek)).isEqualTo(T);
        assertThat(EventTime.of("Auto")).isEqualTo(EventTime.AUTO);
        assertThatThrownBy(() -> EventTime.of("utc"))
                .hasMessageContaining("auto, sensor, collector, corrected, not utc");
    }
}
