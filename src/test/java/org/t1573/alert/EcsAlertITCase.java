package org.t1573.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.job.JobRuns;
import org.t1573.job.PatternRules;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternSet;

/**
 * Every alert of the bundled samples as an ECS document: each field outside the custom
 * {@code t1573} namespace is an ECS field (src/test/resources/ecs/fields.csv) holding a value of
 * its ECS type and, where ECS lists them, an allowed value; no native name is left at the top;
 * updates keep the create's event and rule ids; the ATT&CK mapping comes from the pattern file.
 */
class EcsAlertITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** ECS field name to its type and allowed values. */
    private record EcsField(String type, Set<String> allowed) {}

    private static final Map<String, EcsField> ECS = new HashMap<>();
    private static List<Alert> alerts;
    private static List<JsonNode> documents;
    private static PatternSet patterns;

    @BeforeAll
    static void formatTheSamplesAlerts() throws Exception {
        for (String line : Files.readAllLines(Path.of("src/test/resources/ecs/fields.csv"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String[] f = line.split(",", -1);
                ECS.put(f[0], new EcsField(f[1], f.length > 2 ? Set.of(f[2].split("\\|")) : Set.of()));
            }
        }
        List<String> lines = JobRuns.bundledSampleAlerts();
        patterns = PatternSet.load(List.of(JobRuns.PATTERNS), Map.of());
        AlertFormatter formatter = PatternRules.formatter(AlertFormat.ECS, patterns);
        alerts = lines.stream().map(AlertJson::read).toList();
        documents = new ArrayList<>();
        for (String line : lines) {
            documents.add(JSON.readTree(formatter.format(line)));
        }
    }

    @Test
    void everyFieldIsAnEcsFieldOfItsTypeAndAllowedValues() {
        for (JsonNode doc : documents) {
            Map<String, JsonNode> leaves = new HashMap<>();
            flatten("", doc, leaves);
            assertThat(leaves).containsKeys("@timestamp", "event.kind", "rule.id", "threat.framework",
                    "threat.technique.id", "threat.tactic.id");
            leaves.forEach((name, value) -> {
                EcsField field = ECS.get(name);
                assertThat(field).as("%s is an ECS field", name).isNotNull();
                for (JsonNode v : value.isArray() ? value : List.of(value)) {
                    assertThat(holds(field.type(), v)).as("%s = %s is an ECS %s", name, v, field.type()).isTrue();
                    if (!field.allowed().isEmpty()) {
                        assertThat(field.allowed()).as(name).contains(v.asText());
                    }
                }
            });
            assertThat(doc.path("event").path("kind").asText()).isEqualTo("alert");
            assertThat(doc.path("threat").path("framework").asText()).isEqualTo("MITRE ATT&CK");
        }
    }

    @Test
    void noNativeNameIsLeftAtTheTop() throws Exception {
        Set<String> ecsRoots = new java.util.HashSet<>();
        ECS.keySet().forEach(n -> ecsRoots.add(n.split("\\.")[0]));
        JsonNode nativeAlert = JSON.readTree(JobRuns.bundledSampleAlerts().get(0));
        for (JsonNode doc : documents) {
            for (Iterator<String> it = doc.fieldNames(); it.hasNext();) {
                String name = it.next();
                assertThat(ecsRoots.contains(name) || name.equals(EcsAlert.NAMESPACE))
                        .as("%s is an ECS field set or the custom namespace", name).isTrue();
                if (nativeAlert.has(name)) {
                    assertThat(ecsRoots).as("native %s is also an ECS field set", name).contains(name);
                }
            }
        }
    }

    @Test
    void updatesKeepTheEventIdAndRuleOfTheirCreate() {
        Map<String, JsonNode> creates = new HashMap<>();
        int updates = 0;
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode doc = documents.get(i);
            assertThat(doc.path("event").path("id").asText()).isEqualTo(alerts.get(i).alertId());
            if ("create".equals(alerts.get(i).activity())) {
                creates.put(alerts.get(i).alertId(), doc);
            } else {
                JsonNode create = creates.get(alerts.get(i).alertId());
                assertThat(create).as("the update's create comes first").isNotNull();
                assertThat(doc.path("rule")).isEqualTo(create.path("rule"));
                assertThat(doc.path("threat")).isEqualTo(create.path("threat"));
                updates++;
            }
        }
        assertThat(updates).isPositive();
    }

    @Test
    void threatAndRuleComeFromThePatternFile() {
        for (int i = 0; i < alerts.size(); i++) {
            String id = alerts.get(i).analytic().id();
            PatternDefinition d = patterns.patterns().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()
                    .definition();
            JsonNode threat = documents.get(i).path("threat");
            String parent = AttackIds.parent(d.technique());
            JsonNode technique = threat.path("technique");
            JsonNode named = parent == null ? technique : technique.path("subtechnique");
            assertThat(named.path("id").asText()).isEqualTo(d.technique());
            assertThat(named.path("name").asText()).isEqualTo(d.attackNames().get(d.technique())).isNotBlank();
            if (parent != null) {
                assertThat(technique.path("id").asText()).isEqualTo(parent);
                assertThat(technique.path("name").asText()).isEqualTo(d.attackNames().get(parent)).isNotBlank();
            }
            assertThat(threat.path("tactic").path("name").asText()).isEqualTo(d.attackNames().get(d.tactic()));
            JsonNode rule = documents.get(i).path("rule");
            assertThat(rule.path("version").asText()).isEqualTo(d.version());
            assertThat(rule.path("ruleset").asText()).isEqualTo(d.strategy());
            assertThat(rule.path("reference").get(0).asText()).isEqualTo(d.references().get(0));
        }
    }

    /** Leaves by dotted name; an array of scalars is one leaf; the custom namespace is skipped. */
    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (prefix.isEmpty() && f.getKey().equals(EcsAlert.NAMESPACE)) {
                    continue;
                }
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    private static boolean holds(String type, JsonNode v) {
        return switch (type) {
            case "keyword", "wildcard", "match_only_text" -> v.isTextual();
            case "long" -> v.isIntegralNumber();
            case "float" -> v.isNumber();
            case "date" -> v.isTextual() && parses(v.asText());
            case "ip" -> v.isTextual() && isAddress(v.asText());
            default -> false;
        };
    }

    private static boolean parses(String time) {
        try {
            Instant.parse(time);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** An IP literal (IPv4 dotted or IPv6 with colons), without a name lookup. */
    private static boolean isAddress(String text) {
        if (!text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
