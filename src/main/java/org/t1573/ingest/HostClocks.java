package org.t1573.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.t1573.event.Event;

/**
 * Puts each event on a clock chosen by {@link EventTime}, watching every host's two clocks on the
 * way: where a record carries both the sensor time and the time the collector wrote it, their
 * offset should be the same for all of a host's records.
 *
 * <p>A code whose first offset differs from the host's first offset by more than
 * {@link #SKEW_TOLERANCE_MS} is clock skew, reported per host and code. In {@code auto} mode a
 * code whose first offset differs by more than {@link #AUTO_TOLERANCE_MS} is re-timed onto the
 * write clock (its collector time minus the host's first offset): its sensor times cannot be
 * ordered against the host's other events. The real captures show both: in LSASS campaign 01
 * Sysmon's network and DNS events are 134 h behind the host's other codes; in every OTRF capture
 * they are stamped by another clock source and written 1-3 s after it, against 0.1 s for the other
 * codes, and in one (reg_meterpreter) that puts the C2 connection before its own process started.
 *
 * <p>Memory is bounded: at most {@link #MAX_HOSTS} hosts are remembered, least recently seen
 * first forgotten (a forgotten host starts over with its next record).
 */
public final class HostClocks {
    /** Offsets further apart than this are reported as clock skew. */
    public static final long SKEW_TOLERANCE_MS = 5 * 60_000L;
    /** In {@code auto} mode, codes whose offset is further than this from their host's are re-timed. */
    public static final long AUTO_TOLERANCE_MS = 1_000L;
    static final int MAX_HOSTS = 100_000;

    /** Where clock findings go: the run's counters. */
    public interface Findings {
        /** An event of {@code host} and {@code code} whose offset is {@code deltaMillis} off its host's. */
        void skewed(String host, String code, long deltaMillis);

        /** An event that {@code auto} mode put on its host's write clock. */
        void retimed(String host, String code);
    }

    private final EventTime mode;
    private final Map<String, Long> hostOffsets = lru();
    private final Map<String, Long> codeOffsets = lru();

    public HostClocks(EventTime mode) {
        this.mode = mode;
    }

    /** Sets the event's time by the mode, and reports what the host's clocks show. */
    public void apply(Event e, Findings findings) {
        if (e.created == null) {
            return;
        }
        if (e.hostName == null) {
            if (mode == EventTime.COLLECTOR || mode == EventTime.CORRECTED) {
                e.timestamp = e.created;
            }
            return;
        }
        long offset = e.created - e.timestamp;
        Long host = hostOffsets.putIfAbsent(e.hostName, offset);
        long reference = host == null ? offset : host;
        if (Math.abs(offset - reference) > SKEW_TOLERANCE_MS) {
            findings.skewed(e.hostName, e.code, offset - reference);
        }
        switch (mode) {
            case COLLECTOR -> e.timestamp = e.created;
            case CORRECTED -> e.timestamp = e.created - reference;
            case AUTO -> {
                Long code = codeOffsets.putIfAbsent(e.hostName + '\u001f' + e.code, offset);
                if (Math.abs((code == null ? offset : code) - reference) > AUTO_TOLERANCE_MS) {
                    e.timestamp = e.created - reference;
                    findings.retimed(e.hostName, e.code);
                }
            }
            case SENSOR -> { }
        }
    }

    private static Map<String, Long> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > MAX_HOSTS;
            }
        };
    }
}
