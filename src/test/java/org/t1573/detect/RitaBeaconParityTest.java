package org.t1573.detect;

import org.t1573.beacon.BeaconScore;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.Channels;
import org.t1573.ingest.ParsedFile;

/**
 * The beacon score on RITA's own proxy-beacon test capture, against RITA's published scores
 * (www.honestimnotevil.com 0.979, www.google.com 0.586): sessions by server name as RITA's FQDN
 * beacons, sizes from conn.log by uid, over the last 24 hours of the capture as RITA does.
 */
class RitaBeaconParityTest {
    private static final Path DIR = Path.of("..", "shared", "data", "network_zeek", "rita_proxy_beacon");
    private static final double RITA_BEACON = 0.979;
    private static final double RITA_GOOGLE = 0.586;

    private static double beacon;
    private static double google;

    @BeforeAll
    static void score() throws Exception {
        List<Event> conns = ParsedFile.of(DIR.resolve("conn.log"), Channels.parserFor("zeek")).events();
        List<Event> handshakes = ParsedFile.of(DIR.resolve("ssl.log"), Channels.parserFor("zeek")).events();
        Map<String, Long> bytesByUid = new HashMap<>();
        long end = Long.MIN_VALUE;
        for (Event c : conns) {
            bytesByUid.put(c.sessionId, c.bytesOut == null ? 0 : c.bytesOut);
            end = Math.max(end, c.timestamp);
        }
        long start = end - 86_400_000L;
        beacon = scoreOf("www.honestimnotevil.com", handshakes, bytesByUid, start, end);
        google = scoreOf("www.google.com", handshakes, bytesByUid, start, end);
    }

    @Test
    void scoresTheBeaconAsRitaDoesWithinAThousandth() {
        assertThat(beacon).isBetween(RITA_BEACON - 0.001, 1.0);
    }

    @Test
    void keepsGoogleBelowTheBeaconByAtLeastRitasMargin() {
        assertThat(beacon - google).isGreaterThanOrEqualTo(RITA_BEACON - RITA_GOOGLE);
    }

    private static double scoreOf(String serverName, List<Event> handshakes, Map<String, Long> bytesByUid,
            long start, long end) {
        DestinationStats d = new DestinationStats();
        for (Event h : handshakes) {
            if (serverName.equals(h.tlsServerName) && h.timestamp >= start) {
                h.bytesOut = bytesByUid.getOrDefault(h.sessionId, 0L);
                d.add(h);
            }
        }
        BeaconScore.Result r = d.beaconScore(start, end);
        return r.total() == null ? 0 : r.total();
    }
}
