package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/** The shared time reader, {@link Timestamps}, on the formats the Windows sources write. */
class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2023-08-16 04:54:31.358, 2023-08-16T04:54:31.358Z",
        "2020-09-19 21:18:13, 2020-09-19T21:18:13Z",
        "2023-08-15T09:53:48.554Z, 2023-08-15T09:53:48.554Z",
        "2023-08-16T04:54:34.1234567Z, 2023-08-16T04:54:34.123Z",
        "2023-08-16T04:54:34Z, 2023-08-16T04:54:34Z",
        "2023-08-16T06:54:34.5+02:00, 2023-08-16T04:54:34.500Z",
        "2023-08-16T06:54:34+0200, 2023-08-16T04:54:34Z",
        "2023-08-16T04:54:34.000000001, 2023-08-16T04:54:34Z",
        "1692161674.123, 2023-08-16T04:54:34.123Z",
        "1692161674, 2023-08-16T04:54:34Z",
    })
    void readsEachSupportedFormatAsEpochMillis(String text, String expected) throws Exception {
        assertThat(Timestamps.toEpochMillis(text)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-13-99 00:00:00.000", "2023-02-30T00:00:00Z", "yesterday", "12:00", "1.2.3", ""})
    void rejectsWhatIsNotATimeWithTheValueInTheReason(String text) {
        assertThatThrownBy(() -> Timestamps.toEpochMillis(text))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'" + text + "' is not a time");
    }

    @Test
    void readsEpochSecondsGivenAsAJsonNumber() {
        assertThat(Timestamps.fromEpochSeconds(new BigDecimal("1692161674.1239"))).isEqualTo(1692161674123L);
    }
}
