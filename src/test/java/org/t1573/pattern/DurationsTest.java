package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "90s, 90000", "15m, 900000", "1h, 3600000", "1d, 86400000", "0s, 0"})
    void parsesEachUnit(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(Durations.parse(" 15m ")).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "15", "m", "1.5m", "-1m", "15M", "15 m", "15min", "1w", ""})
    void rejectsTextThatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration (use a number and one of ms, s, m, h, d, e.g. 15m)");
    }

    @Test
    void rejectsAnAmountTooLargeForALong() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnAmountTooLargeForADurationAsAnIllegalArgument() {
        // Duration.ofDays overflows past about 1.07e14 days and throws ArithmeticException, which the
        // loader (catching IllegalArgumentException) does not turn into a pattern error.
        assertThatThrownBy(() -> Durations.parse("200000000000000d")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"500, 500ms", "1500, 1500ms", "90000, 90s", "60000, 1m", "900000, 15m", "3600000, 1h",
        "5400000, 90m", "86400000, 1d", "172800000, 2d"})
    void formatsTheShortestText(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "90s", "15m", "36h", "7d", "1001ms"})
    void formatIsTheInverseOfParse(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }
}
