package org.t1573.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.t1573.backtest.Labels;
import org.t1573.backtest.Label;
import java.util.stream.Stream;
import java.util.TreeSet;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.job.JobRuns;
import org.t1573.job.PatternRules;
import org.t1573.kafka.AlertRecordSerializer;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternSet;

/**
 * Every alert of the bundled samples as an OCSF Detection Finding, checked against the class
 * definition read from ../shared/data/ocsf-schema; updates are Update activities of their create's
 * finding; the Kafka record of a finding is keyed by its alert id.
 */
class OcsfFindingITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OcsfSchema SCHEMA = OcsfSchema.load(OcsfSchema.SHARED);

    private static List<Alert> alerts;
    private static List<JsonNode> findings;
    private static PatternSet patterns;
    private static AlertFormatter formatter;

    @BeforeAll
    static void formatTheSamplesAlerts() throws Exception {
        List<String> lines = JobRuns.bundledSampleAlerts();
        patterns = PatternSet.load(List.of(JobRuns.PATTERNS), Map.of());
        formatter = PatternRules.formatter(AlertFormat.OCSF, patterns);
        alerts = lines.stream().map(AlertJson::read).toList();
        findings = new ArrayList<>();
        for (String line : lines) {
            findings.add(JSON.readTree(formatter.format(line)));
        }
        Set<String> labelled = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            // samples/sigma holds rules, not telemetry: only directories of telemetry have labels.
            for (Path dir : files.filter(d -> Files.exists(d.resolve("labels.csv"))).toList()) {
                for (Label l : Labels.read(dir.resolve("labels.csv"))) {
                    labelled.addAll(l.expectedAlerts());
                }
            }
        }
        assertThat(alerts.stream().map(a -> a.analytic().id()).distinct())
                .as("alerts of every analytic the samples' labels expect").containsAll(labelled);
    }

    @Test
    void everyFindingIsAValidDetectionFindingOfTheSharedSchema() {
        OcsfSchema.Definition cls = SCHEMA.eventClass("detection_finding");
        for (JsonNode f : findings) {
            assertThat(SCHEMA.validate(f, cls)).as(f.path("finding_info").path("uid").asText()).isEmpty();
            assertThat(f.path("class_uid").asInt()).isEqualTo(SCHEMA.classUid(cls));
            assertThat(f.path("metadata").path("version").asText()).isEqualTo(SCHEMA.version());
        }
    }

    @Test
    void anUpdateIsAnUpdateActivityOfItsCreatesFinding() {
        Set<String> created = new HashSet<>();
        int updates = 0;
        for (int i = 0; i < alerts.size(); i++) {
            Alert a = alerts.get(i);
            JsonNode f = findings.get(i);
            assertThat(f.path("finding_info").path("uid").asText()).isEqualTo(a.alertId());
            if ("create".equals(a.activity())) {
                assertThat(f.path("activity_id").asInt()).isEqualTo(1);
                created.add(a.alertId());
            } else {
                assertThat(f.path("activity_id").asInt()).isEqualTo(2);
                assertThat(f.path("finding_info").path("modified_time").asLong()).isEqualTo(f.path("time").asLong());
                assertThat(created).as("the update's create comes first").contains(a.alertId());
                updates++;
            }
        }
        assertThat(updates).isPositive();
    }

    @Test
    void attacksAndAnalyticComeFromThePatternFile() {
        for (int i = 0; i < alerts.size(); i++) {
            PatternDefinition d = definition(alerts.get(i).analytic().id());
            JsonNode info = findings.get(i).path("finding_info");
            JsonNode attack = info.path("attacks").get(0);
            String technique = AttackIds.parent(d.technique()) == null ? d.technique() : AttackIds.parent(d.technique());
            assertThat(attack.path("technique").path("uid").asText()).isEqualTo(technique);
            assertThat(attack.path("technique").path("name").asText()).isEqualTo(d.attackNames().get(technique));
            assertThat(attack.path("tactic").path("name").asText()).isEqualTo(d.attackNames().get(d.tactic()));
            if (!technique.equals(d.technique())) {
                assertThat(attack.path("sub_technique").path("name").asText()).isEqualTo(d.attackNames().get(d.technique()));
            }
            assertThat(info.path("analytic").path("uid").asText()).isEqualTo(d.id());
            assertThat(info.path("analytic").path("version").asText()).isEqualTo(d.version()).isNotBlank();
            assertThat(info.path("title").asText()).isEqualTo(d.title());
        }
    }

    @Test
    void everyDestinationIsAnEvidenceAndAnObservable() {
        for (int i = 0; i < alerts.size(); i++) {
            List<String> ips = new ArrayList<>();
            findings.get(i).path("observables").forEach(o -> {
                if (o.path("name").asText().equals("evidences.dst_endpoint.ip")) {
                    ips.add(o.path("value").asText());
                }
            });
            List<String> expected = alerts.get(i).destinations().stream().map(Alert.Destination::ip).distinct().toList();
            assertThat(ips).containsExactlyElementsOf(expected);
            assertThat(findings.get(i).path("evidences").size())
                    .isEqualTo(alerts.get(i).destinations().size() + alerts.get(i).evidence().size());
        }
    }

    @Test
    void theValidatorRejectsWhatTheClassForbids() {
        OcsfSchema.Definition cls = SCHEMA.eventClass("detection_finding");
        assertThat(broken(f -> ((ObjectNode) f.path("finding_info")).remove("uid"), cls))
                .anyMatch(e -> e.startsWith("finding_info.uid: required"));
        assertThat(broken(f -> ((ObjectNode) f).put("severity_id", 7), cls)).anyMatch(e -> e.startsWith("severity_id:"));
        assertThat(broken(f -> ((ObjectNode) f).put("alert_id", "x"), cls))
                .anyMatch(e -> e.startsWith("alert_id: not an attribute"));
        assertThat(broken(f -> ((ObjectNode) f).put("time", "2026-03-02T08:00:00Z"), cls))
                .anyMatch(e -> e.startsWith("time:"));
        assertThat(broken(f -> ((ObjectNode) f.path("device")).put("ip", "not-an-ip"), cls))
                .anyMatch(e -> e.startsWith("device.ip:"));
        assertThat(broken(f -> ((ObjectNode) f).put("type_uid", 200403), cls)).anyMatch(e -> e.startsWith("type_uid:"));
        assertThat(broken(f -> ((ObjectNode) f.path("observables").get(0)).put("type_id", 9), cls))
                .anyMatch(e -> e.startsWith("observables device.hostname: type_id 9"));
        assertThat(broken(f -> ((ObjectNode) f).put("activity_name", "Close"), cls))
                .anyMatch(e -> e.contains("is not the caption"));
    }

    @Test
    void theKafkaRecordOfAFindingIsKeyedByItsAlertId() throws Exception {
        AlertRecordSerializer serializer = new AlertRecordSerializer("t1573.alerts", formatter);
        for (String line : JobRuns.bundledSampleAlerts()) {
            ProducerRecord<byte[], byte[]> record = serializer.serialize(line, null, 0L);
            JsonNode finding = JSON.readTree(record.value());
            assertThat(new String(record.key(), StandardCharsets.UTF_8))
                    .isEqualTo(AlertJson.read(line).alertId()).isEqualTo(finding.path("finding_info").path("uid").asText());
            assertThat(finding.path("class_uid").asInt()).isEqualTo(SCHEMA.classUid(SCHEMA.eventClass("detection_finding")));
        }
    }

    private static List<String> broken(java.util.function.Consumer<JsonNode> change, OcsfSchema.Definition cls) {
        JsonNode copy = findings.stream().filter(f -> f.path("observables").path(0).path("name").asText().equals("device.hostname"))
                .findFirst().orElseThrow().deepCopy();
        change.accept(copy);
        return SCHEMA.validate(copy, cls);
    }

    private static PatternDefinition definition(String id) {
        return patterns.patterns().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().definition();
    }
}
