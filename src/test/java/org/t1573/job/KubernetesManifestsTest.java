package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes} parse, start the job's real main class
 * with a command and options that exist, and name topics that the topic manifests create.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void flinkDeploymentRunsTheRealMainClass() throws Exception {
        JsonNode job = deployment().path("spec").path("job");
        Method main = Class.forName(job.path("entryClass").asText()).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        assertThat(job.path("jarURI").asText()).endsWith("/t1573-cep.jar");
    }

    @Test
    void flinkDeploymentArgumentsAreAValidStreamCommand() throws IOException {
        List<String> args = args();
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(StreamCommand.NAME);
        assertThat(parsed.subcommand().unmatched()).isEmpty();
    }

    @Test
    void flinkDeploymentUsesSavepointUpgradesWithCheckpointAndSavepointDirectories() throws IOException {
        JsonNode spec = deployment().path("spec");
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.path("flinkConfiguration").path("execution.checkpointing.dir").asText()).isNotBlank();
        assertThat(spec.path("flinkConfiguration").path("execution.checkpointing.savepoint-dir").asText()).isNotBlank();
        assertThat(spec.path("job").path("parallelism").asInt()).isPositive();
        assertThat(spec.path("taskManager").path("resource").path("memory").asText()).isNotBlank();
    }

    @Test
    void everyTopicTheJobUsesHasAKafkaTopicManifest() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : YAML.readerFor(JsonNode.class).<JsonNode>readValues(DIR.resolve("kafka-topics.yaml").toFile())
                .readAll()) {
            assertThat(topic.path("kind").asText()).isEqualTo("KafkaTopic");
            declared.add(topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText()));
        }
        assertThat(declared).containsAll(usedTopics(args()));
    }

    private static Set<String> usedTopics(List<String> args) {
        Set<String> used = new TreeSet<>();
        for (int i = 0; i < args.size() - 1; i++) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--topic" -> used.add(value.substring(value.indexOf('=') + 1));
                case "--alerts-topic", "--dead-letters-topic" -> used.add(value);
                default -> { }
            }
        }
        return used;
    }

    private static JsonNode deployment() throws IOException {
        JsonNode d = YAML.readTree(DIR.resolve("flink-deployment.yaml").toFile());
        assertThat(d.path("kind").asText()).isEqualTo("FlinkDeployment");
        return d;
    }

    private static List<String> args() throws IOException {
        List<String> args = new ArrayList<>();
        deployment().path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
        return args;
    }
}
