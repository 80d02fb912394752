package org.t1573.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import org.t1573.event.Event;
import org.t1573.ingest.Channels;
import org.t1573.ingest.ParsedFile;

/**
 * The incremental day window against the exact score over every session: on RITA's proxy beacon
 * capture, and on synthetic pairs whose values outnumber a histogram's bins.
 */
class PairBeaconTest {
    private static final Path RITA = Path.of("..", "shared", "data", "network_zeek", "rita_proxy_beacon");
    private static final long HOUR = 3_600_000L;

    @Test
    void scoresRitasBeaconAsTheExactScoreOverTheSameDay() throws Exception {
        List<Event> conns = ParsedFile.of(RITA.resolve("conn.log"), Channels.parserFor("zeek")).events();
        Map<String, Long> bytes = new HashMap<>();
        conns.forEach(c -> bytes.put(c.sessionId, c.bytesOut == null ? 0 : c.bytesOut));
        List<Event> beacon = ParsedFile.of(RITA.resolve("ssl.log"), Channels.parserFor("zeek")).events().stream()
                .filter(h -> "www.honestimnotevil.com".equals(h.tlsServerName))
                .sorted(Comparator.comparingLong(h -> h.timestamp)).toList();
        PairBeacon pair = new PairBeacon();
        beacon.forEach(h -> pair.add(h.timestamp, bytes.get(h.sessionId), HOUR));
        long end = Math.floorDiv(beacon.get(beacon.size() - 1).timestamp, HOUR) + 1;

        List<Event> inDay = beacon.stream().filter(h -> h.timestamp >= (end - 24) * HOUR).toList();
        BeaconScore.Result exact = BeaconScore.score(inDay.stream().mapToLong(h -> h.timestamp / 1000).toArray(),
                inDay.stream().mapToLong(h -> bytes.get(h.sessionId)).toArray(), (end - 24) * 3600, end * 3600);
        BeaconScore.Result incremental = pair.score(end, HOUR);

        assertThat(incremental).isEqualTo(exact);
        assertThat(pair.sessions(end)).isEqualTo(inDay.size());
        for (long e = end - 8; e <= end + 2; e++) {
            System.out.println("RITA beacon, day to " + java.time.Instant.ofEpochMilli(e * HOUR) + ": " + pair.score(e, HOUR));
        }
    }
}
