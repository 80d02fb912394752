package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.backtest.AlertDiff;
import org.t1573.backtest.FinalAlerts;
import org.t1573.backtest.KnownFalsePositives;
import org.t1573.backtest.Label;
import org.t1573.backtest.Labels;
import org.t1573.ingest.Channels;
import org.t1573.ingest.RunCounters;
import org.t1573.pattern.PatternSet;

/**
 * The clean-baseline gate (SigmaHQ's goodlog tests): all patterns over benign material raise no
 * alert that {@code patterns/known-false-positives.csv} does not list. Benign material: the
 * samples minus their malicious label rows, and the benign real captures under ../shared/data. A
 * source whose channel is not registered yet is skipped, and says so.
 */
class CleanBaselineITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path DATA = Path.of("..", "shared", "data");

    @TempDir
    static Path out;

    /** A benign source: channel=path inputs and the labels whose malicious rows are not baseline. */
    private record Source(String name, List<String> inputs, List<Label> labels) {}

    @TestFactory
    List<DynamicTest> benignMaterialRaisesOnlyKnownFalsePositives() throws IOException {
        KnownFalsePositives known = KnownFalsePositives.read(JobRuns.PATTERNS.resolve("known-false-positives.csv"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Source s : sources()) {
            tests.add(DynamicTest.dynamicTest(s.name(), () -> {
                List<String> missing = s.inputs().stream().map(i -> i.substring(0, i.indexOf('=')))
                        .filter(c -> !Channels.names().contains(c)).distinct().toList();
                Assumptions.assumeTrue(missing.isEmpty() && !s.inputs().isEmpty(),
                        () -> "skipped " + s.name() + ": channel(s) " + missing + " not registered in Channels");
                RunResult result = run(s);
                assertThat(result.counters()).as("records read").hasEntrySatisfying(
                        RunCounters.RECORDS + s.inputs().get(0).substring(0, s.inputs().get(0).indexOf('=')),
                        n -> assertThat(n).isPositive());
                List<String> unlisted = known.unlisted(FinalAlerts.of(result.alerts()), s.labels()).stream()
                        .map(a -> AlertDiff.key(a) + " " + a.destinations()).toList();
                assertThat(unlisted).as("alerts on benign material not in known-false-positives.csv").isEmpty();
            }));
        }
        return tests;
    }

    private static RunResult run(Source s) throws Exception {
        JobOptions options = JobOptionsFactory.of(s.inputs(), List.of(JobRuns.PATTERNS), Map.of(),
                out.resolve(s.name().replaceAll("[^A-Za-z0-9]+", "_")));
        return LocalRun.execute(options, PatternSet.load(options.patterns(), options.overrides()));
    }

    private static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("samples"))) {
            for (Path d : dirs.filter(p -> Files.exists(p.resolve("labels.csv"))).sorted().toList()) {
                out.add(new Source("samples/" + d.getFileName(), sampleInputs(d), Labels.read(d.resolve("labels.csv"))));
            }
        }
        // The three benign Windows days. Named files: each directory also holds labels.config, which
        // is not a Zeek log.
        out.add(benignDay("008", "conn", "ssl", "http"));
        out.add(benignDay("010", "conn", "ssl", "dns"));
        out.add(benignDay("012", "conn", "ssl", "x509", "dns", "http"));
        out.add(new Source("macos kbush2_macOS_Labs_log_show_json",
                List.of("macos=" + DATA.resolve("macos/kbush2_macOS_Labs_log_show_json")), List.of()));
        out.add(new Source("esxi elastic_integrations_vsphere_test_excerpt",
                List.of("esxi=" + DATA.resolve("esxi/elastic_integrations_vsphere_test_excerpt")), List.of()));
        out.add(new Source("netflow stratosphere_netflowlabeler_examples",
                List.of("netflow=" + DATA.resolve("netflow/stratosphere_netflowlabeler_examples")), List.of()));
        return out;
    }

    private static Source benignDay(String day, String... logs) {
        String name = "stratosphere_" + day + "_benign_windows";
        Path zeek = DATA.resolve("network_zeek").resolve(name);
        return new Source("zeek " + name, Stream.of(logs).map(l -> "zeek=" + zeek.resolve(l + ".log.labeled")).toList(),
                List.of());
    }

    /** The channels of each sample directory, as its platform's detection ITCase reads them. */
    private static List<String> sampleInputs(Path dir) {
        String s = dir.toString() + "/";
        return switch (dir.getFileName().toString()) {
            case "windows" -> List.of("windows=" + dir);
            case "linux" -> List.of("osquery=" + s + "osquery.ndjson", "auditd=" + s + "audit.log");
            case "macos" -> List.of("macos=" + dir);
            case "network" -> List.of("zeek=" + s + "zeek", "netflow=" + s + "netflow");
            case "esxi" -> List.of("esxi=" + s + "logs", "esxcli=" + s + "esxcli");
            default -> throw new IllegalStateException("add the channels of " + dir + " to CleanBaselineITCase");
        };
    }
}
