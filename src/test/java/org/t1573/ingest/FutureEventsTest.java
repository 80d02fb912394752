package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Only events more than a day ahead of the clock are in the future; the farthest years do not overflow. */
class FutureEventsTest {
    private static final long NOW = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();

    @Test
    void aDayAheadIsTheBound() {
        assertThat(FutureEvents.isFuture(NOW + Duration.ofHours(23).toMillis(), NOW)).isFalse();
        assertThat(FutureEvents.isFuture(NOW + Duration.ofDays(1).toMillis(), NOW)).isFalse();
        assertThat(FutureEvents.isFuture(NOW + Duration.ofDays(1).toMillis() + 1, NOW)).isTrue();
        assertThat(FutureEvents.isFuture(Instant.parse("2020-07-21T23:27:41Z").toEpochMilli(), NOW)).isFalse();
    }

    @Test
    void theFarthestTimesAreFutureAndTheEarliestAreNot() {
        assertThat(FutureEvents.isFuture(Long.MAX_VALUE, NOW)).isTrue();
        assertThat(FutureEvents.isFuture(Long.MIN_VALUE, NOW)).isFalse();
    }
}
