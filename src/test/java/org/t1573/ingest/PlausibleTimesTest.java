package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** The floor is the day before the epoch, the ceiling a day ahead; both clocks of an event count. */
class PlausibleTimesTest {
    private static final long NOW = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();

    @Test
    void theDayBeforeTheEpochIsTheFloor() {
        assertThat(PlausibleTimes.problem(PlausibleTimes.FLOOR, NOW)).isNull();
        assertThat(PlausibleTimes.problem(0, NOW)).isNull();
        assertThat(PlausibleTimes.problem(PlausibleTimes.FLOOR - 1, NOW)).startsWith("pre-epoch: event time");
        assertThat(PlausibleTimes.problem(Long.MIN_VALUE, NOW)).startsWith("pre-epoch:");
        assertThat(PlausibleTimes.problem(NOW + Duration.ofDays(2).toMillis(), NOW)).startsWith("future:");
    }

    @Test
    void aCollectorTimeOfTheYear0001IsPreEpochThoughTheSensorTimeIsGood() {
        Event e = new Event();
        e.timestamp = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
        assertThat(PlausibleTimes.problem(e, NOW)).isNull();
        e.created = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        assertThat(PlausibleTimes.problem(e, NOW))
                .isEqualTo("pre-epoch: event time 0001-01-01T00:00:00Z is before 1969-12-31T00:00:00Z");
    }
}
