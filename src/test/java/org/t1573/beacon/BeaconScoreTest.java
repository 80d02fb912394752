package org.t1573.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The RITA-style beacon score on shapes whose sub-scores can be worked out by hand. */
class BeaconScoreTest {
    private static final long DAY = 86_400;

    @Test
    void scoresAPerfectBeaconOne() {
        BeaconScore.Result r = BeaconScore.score(every(300, DAY), constant(288, 512), 0, DAY);
        assertThat(r.timestamp()).isEqualTo(1.0);
        assertThat(r.dataSize()).isEqualTo(1.0);
        assertThat(r.histogram()).isEqualTo(1.0);
        assertThat(r.duration()).isEqualTo(1.0);
        assertThat(r.total()).isEqualTo(1.0);
    }

    @Test
    void toleratesJitter() {
        Random random = new Random(7);
        long[] times = new long[288];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 300L + random.nextInt(31) - 15;
        }
        assertThat(BeaconScore.score(times, constant(288, 512), -15, DAY).total()).isGreaterThan(0.9);
    }

    @Test
    void scoresRandomTrafficFarBelowABeacon() {
        Random random = new Random(11);
        long[] times = new long[60];
        long[] sizes = new long[60];
        for (int i = 0; i < times.length; i++) {
            times[i] = (long) (random.nextDouble() * DAY / 4);
            sizes[i] = 100 + random.nextInt(100_000);
        }
        assertThat(BeaconScore.score(times, sizes, 0, DAY).total()).isLessThan(0.5);
    }

    @Test
    void needsFourSessionsWithThreeNonZeroIntervals() {
        assertThat(BeaconScore.score(new long[] {0, 60, 120}, constant(3, 1), 0, DAY).total()).isNull();
        assertThat(BeaconScore.score(new long[] {0, 0, 60, 120}, constant(4, 1), 0, DAY).total()).isNull();
        assertThat(BeaconScore.score(new long[] {0, 60, 120, 180}, constant(4, 1), 0, DAY).total()).isNotNull();
    }

    @Test
    void bowleySkewAppliesOnlyWhenTheQuartilesAreTenApart() {
        // Q1 = 10, Q2 = 15, Q3 = 40: skew (10 + 40 - 30) / 30 = 2/3, score 1/3; MAD 5 of 15: 2/3.
        double[] values = {5, 10, 15, 15, 15, 40, 50};
        assertThat(BeaconScore.statistical(values, 1)).isEqualTo(0.5);
        // Q3 - Q1 < 10: no skew penalty.
        assertThat(BeaconScore.statistical(new double[] {10, 11, 12, 13, 14}, 1)).isEqualTo(round3((1 + 11.0 / 12) / 2));
    }

    @Test
    void longestRunWrapsFromTheLastBinToTheFirst() {
        int[] bins = new int[24];
        bins[0] = 1;
        bins[1] = 1;
        bins[22] = 1;
        bins[23] = 1;
        assertThat(BeaconScore.longestRun(bins)).isEqualTo(4);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static long[] every(long seconds, long span) {
        long[] t = new long[(int) (span / seconds)];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * seconds;
        }
        return t;
    }

    private static long[] constant(int n, long value) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
