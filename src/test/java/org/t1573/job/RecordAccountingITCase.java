package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.ingest.RunCounters;

/**
 * Hostile files through the job's file input and parsing, as a backtest reads them: every record
 * read is an event, an ignored record (counted by reason) or a dead letter, and the records of a
 * file keep their line numbers.
 */
class RecordAccountingITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path BINETFLOW = Path.of("..", "shared", "data", "netflow",
            "stratosphere_netflowlabeler_examples", "test.binetflow");

    @TempDir
    Path dir;

    @Test
    void aSummaryLineInAnArgusFileIsAnIgnoredRecordAndEveryFlowIsStillRead() throws Exception {
        List<String> lines = Files.readAllLines(BINETFLOW);
        List<String> hostile = new ArrayList<>(lines);
        hostile.add(lines.size() / 2, "Summary: total flows: 99, total bytes: 0, total packets: 0, avg bps: 0, "
                + "avg pps: 0, avg bpp: 0");
        Path withSummary = Files.write(dir.resolve("summary-mid-file.binetflow"), hostile);

        Map<String, Long> clean = run("netflow", BINETFLOW).counters();
        Map<String, Long> counted = run("netflow", withSummary).counters();

        assertThat(counted.get(RunCounters.EVENTS + "netflow")).isEqualTo(clean.get(RunCounters.EVENTS + "netflow"));
        assertThat(counted).containsEntry(RunCounters.IGNORED_BY_REASON + "netflow nfdump summary line", 1L)
                .containsEntry(RunCounters.RECORDS + "netflow", (long) hostile.size());
        assertThat(counted.get(RunCounters.EVENTS + "netflow") + counted.get(RunCounters.IGNORED + "netflow")
                + counted.get(RunCounters.DEAD_LETTERS + "netflow")).isEqualTo(hostile.size());
    }

    @Test
    void aByteOrderMarkAndALoneCrCostNoRecord() throws Exception {
        Path file = Path.of("src", "test", "resources", "hostile", "windows", "bom-lone-cr-crlf.ndjson");
        long lines = Files.readString(file).chars().filter(c -> c == '\n').count();

        RunResult run = run("windows", file);

        assertThat(run.deadLetters()).isEmpty();
        assertThat(run.counters()).containsEntry(RunCounters.RECORDS + "windows", lines)
                .containsEntry(RunCounters.EVENTS + "windows", lines);
    }

    private static RunResult run(String channel, Path file) throws Exception {
        return JobRuns.runInputs(List.of(new InputSpec(channel, List.of(file))), List.of(JobRuns.PATTERNS), Map.of(), 1);
    }
}
