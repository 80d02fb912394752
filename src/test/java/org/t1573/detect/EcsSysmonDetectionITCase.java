package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * The whole job on Sysmon as the Winlogbeat / Elastic Agent sysmon pipeline stores it in
 * Elasticsearch (renamed to ECS): AN0400 alerts on it exactly as on the flat Sysmon twin of the
 * same records, the evidence's dataset aside.
 */
class EcsSysmonDetectionITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path DIR = Path.of("src", "test", "resources", "windows-ecs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunResult ecs;
    private static RunResult flat;

    @BeforeAll
    static void runBoth() throws Exception {
        ecs = JobRuns.run(List.of(DIR.resolve("sysmon-ecs.ndjson")), Map.of(), 2);
        flat = JobRuns.run(List.of(DIR.resolve("sysmon-flat.ndjson")), Map.of(), 2);
    }

    @Test
    void an0400AlertsOnTheEcsRecords() {
        List<JsonNode> alerts = ecs.alerts().stream().map(EcsSysmonDetectionITCase::read).toList();
        assertThat(alerts).extracting(a -> a.at("/analytic/id").asText()).contains("AN0400");
        assertThat(ecs.deadLetters()).isEmpty();
        JsonNode an0400 = alerts.stream().filter(a -> a.at("/analytic/id").asText().equals("AN0400")).findFirst()
                .orElseThrow();
        assertThat(an0400.at("/process/name").asText()).isEqualTo("rundll32.exe");
        assertThat(an0400.at("/evidence/0/dataset").asText()).isEqualTo("winlogbeat.sysmon");
    }

    @Test
    void givesTheFlatTwinsAlertsExceptTheEvidenceDataset() {
        assertThat(flat.alerts()).isNotEmpty();
        List<JsonNode> fromEcs = ecs.alerts().stream().map(EcsSysmonDetectionITCase::read)
                .map(EcsSysmonDetectionITCase::asFlatDataset).toList();
        List<JsonNode> fromFlat = flat.alerts().stream().map(EcsSysmonDetectionITCase::read).toList();
        assertThat(fromEcs).isEqualTo(fromFlat);
    }

    /** The alert with its evidence's dataset, the one field the shipper decides, as the flat form's. */
    private static JsonNode asFlatDataset(JsonNode alert) {
        for (JsonNode evidence : alert.path("evidence")) {
            assertThat(evidence.path("dataset").asText()).isEqualTo("winlogbeat.sysmon");
            ((ObjectNode) evidence).put("dataset", "sysmon");
        }
        return alert;
    }

    private static JsonNode read(String alert) {
        try {
            return JSON.readTree(alert);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
