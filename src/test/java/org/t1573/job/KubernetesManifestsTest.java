package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes} parse, start the job's real main class
 * with a command and options that exist, name topics that the topic manifests create, and
 * mount the list files the patterns read beside them.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern LIST_FILE = Pattern.compile("@file:([^\"\\s,\\]]+)");

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

    @Test
    void everyListFileTheMountedPatternsNameLiesInAFolderMountedFromAConfigMap() throws IOException {
        Map<String, String> configMapByMount = configMapMounts();
        Path patternsMount = Path.of(args().get(args().indexOf("--patterns") + 1));
        Set<String> referenced = new TreeSet<>();
        // The patterns ConfigMap is made from patterns/windows (README.md): those files are what the mount holds.
        try (Stream<Path> files = Files.list(Path.of("patterns", "windows"))) {
            for (Path pattern : files.filter(f -> !f.toString().endsWith(".tests.yml")).toList()) {
                Matcher m = LIST_FILE.matcher(Files.readString(pattern));
                while (m.find()) {
                    Path inPod = patternsMount.resolve(m.group(1)).normalize();
                    assertThat(configMapByMount).as("mount of " + inPod).containsKey(inPod.getParent().toString());
                    assertThat(pattern.resolveSibling(m.group(1))).as("the file the ConfigMap is made from").isRegularFile();
                    referenced.add(inPod.toString());
                }
            }
        }
        assertThat(referenced).isNotEmpty();
    }

    /** ConfigMap name by the path the job's container mounts it at. */
    private static Map<String, String> configMapMounts() throws IOException {
        JsonNode pod = deployment().path("spec").path("podTemplate").path("spec");
        Map<String, String> configMapByVolume = new HashMap<>();
        pod.path("volumes").forEach(v -> {
            if (v.has("configMap")) {
                configMapByVolume.put(v.path("name").asText(), v.path("configMap").path("name").asText());
            }
        });
        Map<String, String> byMount = new HashMap<>();
        pod.path("containers").path(0).path("volumeMounts").forEach(m -> {
            if (configMapByVolume.containsKey(m.path("name").asText())) {
                byMount.put(m.path("mountPath").asText(), configMapByVolume.get(m.path("name").asText()));
            }
        });
        return byMount;
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
