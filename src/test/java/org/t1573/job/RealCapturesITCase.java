package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.backtest.Scorecard;
import org.t1573.backtest.Verdict;

/**
 * The real-capture suite (labels/captures.yml) as {@code bench/real-captures.sh} scores it: no
 * false positive on any capture (the benign Stratosphere days included), and every labelled C2
 * session of the network captures found. Host-capture misses are printed, not asserted: the
 * migrated svchost of LSASS campaign 01 is a known gap of load-then-connect (see the README).
 */
class RealCapturesITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    Path out;

    @Test
    void noFalsePositiveOnAnyRealCaptureAndEveryNetworkC2Found() throws Exception {
        List<RealCaptureScores.Result> results = RealCaptureScores.scoreAll(out, List.of(JobRuns.PATTERNS));
        RealCaptureScores.print(results, System.out);

        assertThat(results).extracting(r -> r.capture().capture()).hasSameElementsAs(
                RealCaptureScores.suite().stream().map(RealCaptureScores.Capture::capture).toList());
        for (RealCaptureScores.Result r : results) {
            assertThat(r.card().alerts()).as("false positives on " + r.capture().capture())
                    .filteredOn(a -> a.verdict() != Verdict.TP).isEmpty();
            if (r.capture().input().startsWith("zeek=")) {
                assertThat(r.card().misses()).as("labelled C2 missed in " + r.capture().capture())
                        .extracting(Scorecard.Miss::scenario).isEmpty();
            }
        }
        assertThat(results).filteredOn(r -> r.capture().capture().startsWith("stratosphere_"))
                .as("the three benign days").hasSize(3).allSatisfy(r -> assertThat(r.alerts()).isZero());
    }
}
