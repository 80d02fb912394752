package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.t1573.alert.Alert;

class CaseCheckTest {
    private static final Alert BEACON = TestAlerts.alert("AN0400", "WS-1", "{p1}", "2026-03-02T08:00:05Z", 80, 0, 60);

    private static PatternTestCase expecting(PatternTestCase.ExpectedAlert... e) {
        return new PatternTestCase("c", List.of(), Map.of(), List.of(e));
    }

    @Test
    void passesWhenTheSummaryValuesMatchNumbersByValue() {
        PatternTestCase c = expecting(new PatternTestCase.ExpectedAlert("AN0400", "ws-1", "{p1}", 1,
                Map.of("ConnectionCount", 2.0)));
        assertThat(CaseCheck.failures(c, List.of(BEACON))).isEmpty();
    }

    @Test
    void failsOnAWrongSummaryValueAndShowsTheActualOne() {
        PatternTestCase c = expecting(new PatternTestCase.ExpectedAlert("AN0400", null, "{p1}", 1,
                Map.of("ConnectionCount", 3)));
        assertThat(CaseCheck.failures(c, List.of(BEACON))).hasSize(2)
                .anySatisfy(f -> assertThat(f).contains("expected 1 alert(s)").contains("ConnectionCount=2"))
                .anySatisfy(f -> assertThat(f).startsWith("unexpected alert AN0400 WS-1 {p1}"));
    }

    @Test
    void failsOnTheWrongCount() {
        PatternTestCase c = expecting(new PatternTestCase.ExpectedAlert("AN0400", null, null, 2, Map.of()));
        assertThat(CaseCheck.failures(c, List.of(BEACON))).singleElement().asString().contains("got 1");
    }

    @Test
    void failsWhenSilenceWasExpected() {
        assertThat(CaseCheck.failures(expecting(), List.of(BEACON))).singleElement().asString()
                .startsWith("unexpected alert");
    }
}
