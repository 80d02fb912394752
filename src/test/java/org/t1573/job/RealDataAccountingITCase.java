package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.ingest.RunCounters;

/**
 * Every real telemetry file under {@code ../shared/data}, each with its channel as INDEX.md names
 * it, in one BATCH job: on every channel each line is read, and records = events + ignored + dead
 * letters, so no parser drops a record without a reason.
 */
class RealDataAccountingITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path DATA = Path.of("..", "shared", "data");
    private static final Path LOG4SHELL = DATA.resolve("linux/otrf_log4shell_ubuntu5");
    private static final String CAPTURE = "_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json";

    /** The telemetry of INDEX.md sections 1 to 6; the rule corpora and schemas beside them are not telemetry. */
    static final List<InputSpec> INPUTS = List.of(
            new InputSpec("windows", List.of(DATA.resolve("windows_sysmon"))),
            new InputSpec("zeek", List.of(DATA.resolve("network_zeek"))),
            new InputSpec("netflow", List.of(DATA.resolve("netflow"))),
            new InputSpec("auditd", List.of(DATA.resolve("linux/otrf_atomic_auditd_raw"))),
            new InputSpec("auoms", List.of(LOG4SHELL.resolve("syslog_auoms_auditd" + CAPTURE))),
            new InputSpec("sysmon-linux", List.of(LOG4SHELL.resolve("syslog_sysmon" + CAPTURE))),
            new InputSpec("vmconnection", List.of(LOG4SHELL.resolve("vminsights_vmconnection" + CAPTURE))),
            new InputSpec("macos", List.of(DATA.resolve("macos"))),
            new InputSpec("esxi", List.of(DATA.resolve("esxi"))));

    @Test
    void everyRecordOfEveryRealFileIsAnEventAnIgnoredRecordOrADeadLetter() throws Exception {
        Map<String, Long> c = JobRuns.runInputs(INPUTS, List.of(JobRuns.PATTERNS), Map.of(), 2).counters();

        List<String> identities = new ArrayList<>();
        for (InputSpec in : INPUTS) {
            String ch = in.channel();
            long records = c.getOrDefault(RunCounters.RECORDS + ch, 0L);
            long events = c.getOrDefault(RunCounters.EVENTS + ch, 0L);
            long ignored = c.getOrDefault(RunCounters.IGNORED + ch, 0L);
            long dead = c.getOrDefault(RunCounters.DEAD_LETTERS + ch, 0L);
            identities.add(ch + ": " + records + " = " + events + " + " + ignored + " + " + dead);
            assertThat(records).as(ch + ": every line read").isGreaterThanOrEqualTo(lines(in.paths()));
            assertThat(events).as(ch + ": events").isPositive();
            assertThat(records).as(String.join("; ", identities)).isEqualTo(events + ignored + dead);
        }
    }

    private static long lines(List<Path> inputs) throws IOException {
        long n = 0;
        for (Path f : FileInputs.files(inputs)) {
            try (var lines = Files.lines(f)) {
                n += lines.count();
            }
        }
        return n;
    }
}
