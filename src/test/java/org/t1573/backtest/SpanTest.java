package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanTest {
    @Test
    void writesSpansInTheLargestUnitsThatKeepThemApart() {
        assertThat(Span.of(0)).isEqualTo("0 s");
        assertThat(Span.of(400)).isEqualTo("400 ms");
        assertThat(Span.of(4_500)).isEqualTo("4.5 s");
        assertThat(Span.of(45_000)).isEqualTo("45 s");
        assertThat(Span.of(250_000)).isEqualTo("4 min 10 s");
        assertThat(Span.of(240_016)).isEqualTo("4 min");
        assertThat(Span.of(57_600_000)).isEqualTo("16 h");
        assertThat(Span.of(((2 * 24) + 3) * 3_600_000L)).isEqualTo("2 d 3 h");
    }
}
