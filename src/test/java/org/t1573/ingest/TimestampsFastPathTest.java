package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written path for the common shapes agrees with java.time on every instant. */
class TimestampsFastPathTest {
    private static final DateTimeFormatter SYSMON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Test
    void readsSysmonAndIsoShapesAsJavaTimeDoes() throws MalformedRecordException {
        Random random = new Random(1573);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            assertThat(Timestamps.toEpochMillis(SYSMON.format(t))).isEqualTo(t.toEpochMilli());
            assertThat(Timestamps.toEpochMillis(t.toString())).isEqualTo(t.toEpochMilli());
        }
    }

    @Test
    void truncatesDigitsBeyondTheMillisecond() throws MalformedRecordException {
        assertThat(Timestamps.toEpochMillis("2026-03-02T12:00:00.0000076Z"))
                .isEqualTo(Instant.parse("2026-03-02T12:00:00Z").toEpochMilli());
        assertThat(Timestamps.toEpochMillis("2026-03-02 12:00:00.9"))
                .isEqualTo(Instant.parse("2026-03-02T12:00:00.900Z").toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30 10:00:00.000", "2023-13-01T00:00:00Z", "2023-01-01 24:00:00"})
    void rejectsImpossibleTimes(String text) {
        assertThatThrownBy(() -> Timestamps.toEpochMillis(text)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("is not a time");
    }
}
