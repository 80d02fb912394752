package org.t1573.bench;

import com.tdunning.math.stats.MergingDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.t1573.beacon.BeaconPane;
import org.t1573.beacon.CompactHistogram;
import org.t1573.beacon.PairBeacon;

/**
 * What the beacon window costs per tracked pair: heap (as the heap state backend holds it, after a
 * full GC) and serialized bytes (what RocksDB stores), for pairs of one session, a few sessions, and
 * a day-long jittered beacon, and for a mix of a million pairs against the 1 GB target. Baseline in
 * the same run: the same panes' intervals and sizes in t-digests (compression 100), the well-kept
 * sketch library the panes' histograms could have been.
 * Usage: {@code BeaconStateBenchmark [pairs]} (default 1,000,000).
 */
public final class BeaconStateBenchmark {
    private static final long HOUR = 3_600_000L;
    private static final long DAY_START = 1_700_000_000_000L / HOUR * HOUR;

    private BeaconStateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TypeSerializer<PairBeacon> serializer = TypeInformation.of(PairBeacon.class)
                .createSerializer(new SerializerConfigImpl());
        Random random = new Random(42);
        System.out.printf("%-34s %12s %12s %14s%n", "pair", "heap B/pair", "serialized B", "t-digest B");
        for (String kind : List.of("one session", "five sessions in an hour", "beacon 300 s +/-10 % for 24 h")) {
            List<PairBeacon> pairs = new ArrayList<>();
            long before = usedAfterGc();
            int count = kind.startsWith("beacon") ? 20_000 : 200_000;
            for (int i = 0; i < count; i++) {
                pairs.add(pair(kind, random));
            }
            long heap = (usedAfterGc() - before) / count;
            System.out.printf("%-34s %12d %12d %14d%n", kind, heap, serialized(serializer, pairs.get(0)),
                    tDigestBytes(pairs.get(0)));
            pairs.clear();
        }
        // A site's day: most pairs are one-off lookups, some repeat, a few beacon (here 1 in 1,000).
        Map<Integer, PairBeacon> state = new HashMap<>();
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            String kind = i % 1000 == 0 ? "beacon" : i % 10 == 0 ? "five" : "one";
            state.put(i, pair(kind, random));
        }
        long heap = usedAfterGc() - before;
        System.out.printf("%,d pairs (90 %% one session, 9.9 %% five, 0.1 %% beacons): %,d MB heap, %d B/pair; "
                + "target 1 GB for 1,000,000: %.2f of it%n", n, heap >> 20, heap / n,
                heap * (1_000_000.0 / n) / (1L << 30));
        state.clear();
    }

    private static PairBeacon pair(String kind, Random random) {
        PairBeacon p = new PairBeacon();
        if (kind.startsWith("one")) {
            p.add(DAY_START + random.nextInt(86_400_000), 500 + random.nextInt(5000), HOUR);
        } else if (kind.startsWith("five")) {
            long t = DAY_START + random.nextInt(80_000_000);
            for (int i = 0; i < 5; i++) {
                p.add(t += random.nextInt(600_000), 500 + random.nextInt(5000), HOUR);
            }
        } else {
            long t = DAY_START;
            while (t < DAY_START + 24 * HOUR) {
                p.add(t, 1_030, HOUR);
                t += 270_000 + random.nextInt(60_000);
            }
        }
        return p;
    }

    /**
     * The same pair as t-digests: two per pane (intervals and sizes), as a sliding window needs
     * (a digest cannot forget the hour that leaves the window), over the pair's pane values.
     */
    private static int tDigestBytes(PairBeacon pair) {
        int bytes = 0;
        for (BeaconPane pane : pair.panes) {
            bytes += digest(pane.intervals).byteSize() + digest(pane.sizes).byteSize();
        }
        return bytes;
    }

    private static MergingDigest digest(CompactHistogram values) {
        MergingDigest d = new MergingDigest(100);
        for (double v : values.sortedValues()) {
            d.add(v);
        }
        d.compress();
        return d;
    }

    private static int serialized(TypeSerializer<PairBeacon> serializer, PairBeacon p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(p, out);
        return out.length();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
