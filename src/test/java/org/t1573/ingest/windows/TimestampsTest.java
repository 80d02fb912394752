package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    void dropsEpochSecondDigitsBeyondTheMillisecond() throws Exception {
        assertThat(Timestamps.toEpochMillis("1692161674.1239" + "9".repeat(1000))).isEqualTo(1692161674123L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-01-01T00:00:00Z", "-999999999-01-01 00:00:00", "9223372036854776", "99999999999999999"})
    void aTimeBeyondEpochMillisecondsIsOutOfRangeNotAnArithmeticError(String text) {
        assertThatThrownBy(() -> Timestamps.toEpochMillis(text))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("'" + text + "' is a time out of range (epoch milliseconds reach the years");
    }

    /** Parsed as a number, a million digits took 20 s; by their count, they are refused at once. */
    @Test
    @Timeout(5)
    void epochSecondsOfAMillionDigitsAreRefusedByTheirLength() {
        assertThatThrownBy(() -> Timestamps.toEpochMillis("1".repeat(1_000_000)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("is a time out of range");
    }
}
