package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.pattern.PatternSet;

/**
 * The shape of the job graph: the select stage runs in the chain of what feeds it (a source, or a
 * network join), so the events it drops never cross a network channel.
 */
class DetectionJobGraphTest {

    private static List<String> vertices(List<InputSpec> inputs) throws Exception {
        JobOptions options = new JobOptions(inputs, List.of(Path.of("patterns")), null, List.of(), 2,
                RuntimeExecutionMode.STREAMING, Duration.ofMinutes(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DetectionJob.Outputs out = DetectionJob.build(env, options, PatternSet.load(options.patterns(), Map.of()));
        out.alerts().sinkTo(new DiscardingSink<>());
        out.deadLetters().sinkTo(new DiscardingSink<>());
        List<String> names = new ArrayList<>();
        for (JobVertex v : env.getStreamGraph().getJobGraph().getVertices()) {
            names.add(v.getName());
        }
        return names;
    }

    private static Path file(Path dir, String name) throws Exception {
        return Files.writeString(dir.resolve(name), "{}\n");
    }

    @Test
    void selectRunsInEachFileSourcesChain(@TempDir Path dir) throws Exception {
        List<String> names = vertices(List.of(
                new InputSpec("windows", List.of(file(dir, "a.json"), file(dir, "b.json")))));
        assertThat(names.stream().filter(n -> n.contains("select: step predicates")))
                .hasSize(2).allMatch(n -> n.startsWith("Source: files windows-"));
        assertThat(names).noneMatch(n -> n.startsWith("steps of") || n.startsWith("ends-on"));
    }

    @Test
    void withNetworkJoinsSelectRunsBehindEachJoinAndEachBypass(@TempDir Path dir) throws Exception {
        List<String> names = vertices(List.of(new InputSpec("windows", List.of(file(dir, "a.json"))),
                new InputSpec("zeek", List.of(file(dir, "ssl.log")))));
        assertThat(names.stream().filter(n -> n.contains("select: step predicates")))
                .as("two sources, the certificate join (its output bypasses the session join), the session join,"
                        + " the beacon window")
                .hasSize(5).noneMatch(n -> n.startsWith("select"));
        assertThat(names).anyMatch(n -> n.startsWith("join host and network records of a session")
                && n.contains("select: step predicates"));
        assertThat(names).anyMatch(n -> n.startsWith("beacon window") && n.contains("select: step predicates"));
        assertThat(names).noneMatch(n -> n.startsWith("steps of") || n.startsWith("ends-on"));
    }
}
