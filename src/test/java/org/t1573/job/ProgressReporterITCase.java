package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.ingest.RunCounters;

/** Progress lines come from the live accumulators of a running job. */
class ProgressReporterITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setConfiguration(fastHeartbeat())
                    .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    /** Task managers report accumulators with their heartbeat: every 10 s by default, too slow for a test. */
    private static Configuration fastHeartbeat() {
        Configuration c = new Configuration();
        c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(300));
        return c;
    }

    @Test
    void printsRecordsReadWhileTheJobRuns() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, 400).map(new SlowCount()).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("progress");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (ProgressReporter r = new ProgressReporter(client, 400, Duration.ofMillis(300),
                new PrintStream(lines, true, StandardCharsets.UTF_8))) {
            client.getJobExecutionResult().get();
        }
        assertThat(lines.toString(StandardCharsets.UTF_8)).containsPattern("progress: [1-9][0-9,]* records read")
                .contains("remaining");
    }

    /** Counts each record as the parsers do, slowly enough for a few progress ticks. */
    private static final class SlowCount extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws Exception {
            getRuntimeContext().getLongCounter(RunCounters.RECORDS + "test").add(1);
            Thread.sleep(10);
            return value;
        }
    }
}
