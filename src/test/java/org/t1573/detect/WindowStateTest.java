package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** The alert window's sets and lists held inside its one state value. */
class WindowStateTest {

    @Test
    void anEventOfAStepIsSeenOnceAndTheSameEventOfAnotherStepIsNew() {
        WindowState w = new WindowState();
        assertThat(w.markSeen(1, "e-1")).isTrue();
        assertThat(w.markSeen(0, "e-2")).isTrue();
        assertThat(w.markSeen(1, "e-1")).isFalse();
        assertThat(w.markSeen(0, "e-1")).isTrue();
        assertThat(w.seen).hasSize(3).isSorted();
    }

    @Test
    void distinctValuesAreKeptOnceAndSorted() {
        WindowState w = new WindowState();
        for (String v : new String[] {"Ports\u001f443", "Ips\u001f8.8.8.8", "Ports\u001f443", "Ips\u001f1.1.1.1"}) {
            w.addDistinct(v);
        }
        assertThat(w.distinct).containsExactly("Ips\u001f1.1.1.1", "Ips\u001f8.8.8.8", "Ports\u001f443");
    }

    @Test
    void sessionsToOneAddressAndPortShareTheirStatistics() {
        WindowState w = new WindowState();
        w.destinationOf(connection("203.0.113.5", 443)).add(connection("203.0.113.5", 443));
        w.destinationOf(connection("203.0.113.5", 443)).add(connection("203.0.113.5", 443));
        w.destinationOf(connection("203.0.113.5", 8443)).add(connection("203.0.113.5", 8443));
        assertThat(w.destinations).extracting(d -> d.port + "=" + d.count).containsExactly("443=2", "8443=1");
    }

    @Test
    void keepsTheEarliestEvidenceUpToTheLimitInOrderAndEqualOnesInArrivalOrder() {
        WindowState w = new WindowState();
        Comparator<Evidence> byTime = Comparator.comparingLong(v -> v.timestamp);
        for (long t : new long[] {50, 10, 40, 10, 30, 20}) {
            w.addEvidence(evidence(t, "at " + t + " #" + w.evidence.length), byTime, 4);
        }
        assertThat(w.evidence).extracting(v -> v.eventId)
                .containsExactly("at 10 #1", "at 10 #3", "at 20 #4", "at 30 #4");
    }

    @Test
    void isAFlinkPojoWithoutGenericFields() {
        TypeInformation<WindowState> info = TypeInformation.of(WindowState.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<WindowState> pojo = (PojoTypeInfo<WindowState>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
                    .as(pojo.getPojoFieldAt(i).getField().getName()).isNotInstanceOf(GenericTypeInfo.class);
        }
    }

    private static Event connection(String ip, int port) {
        Event e = new Event();
        e.destinationIp = ip;
        e.destinationPort = port;
        e.timestamp = 1_000L;
        return e;
    }

    private static Evidence evidence(long time, String id) {
        Evidence v = new Evidence();
        v.timestamp = time;
        v.eventId = id;
        return v;
    }
}
