package org.t1573.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.t1573.alert.AlertFormat;
import org.t1573.alert.AlertFormatter;
import org.junit.jupiter.api.io.TempDir;

/** Offsets, client settings and the alert record key: what the stream command is configured with. */
class KafkaSettingsTest {

    @Test
    void readsStartingOffsetsAsTimesInIsoOrEpochMilliseconds() {
        assertThat(OffsetSpec.epochMillis("2026-03-02T08:00:00Z")).isEqualTo(1772438400000L);
        assertThat(OffsetSpec.epochMillis("1772438400000")).isEqualTo(1772438400000L);
        assertThatThrownBy(() -> OffsetSpec.starting("yesterday")).hasMessageContaining("earliest, latest, committed");
    }

    @Test
    void clientPropertiesNeverShowTheirValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.jaas.config=secret-password-here\n");
        ClientProperties p = ClientProperties.load(file);
        assertThat(p.toString()).contains("sasl.jaas.config").doesNotContain("secret-password-here");
        assertThat(p.copy().getProperty("sasl.jaas.config")).isEqualTo("secret-password-here");
    }

    @Test
    void keysAlertsByTheirAlertId() {
        String alert = "{\"schema\":\"t1573-alert/1\",\"alert_id\":\"9099cbd2d40b391ea10a\",\"activity\":\"update\"}";
        assertThat(new String(new AlertRecordSerializer("a", new AlertFormatter(AlertFormat.NATIVE, java.util.Map.of())).serialize(alert, null, 5L).key(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("9099cbd2d40b391ea10a");
    }
}
