package org.t1573.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DerivedFieldsTest {
    private static final long DAY = 86_400_000L;

    @Test
    void validityAndAgeAreInDaysFromTheCertificateDates() {
        // The LSASS capture's Metasploit certificate: 2022-01-15 to 2031-01-13, seen 2023-08-16.
        Event e = new Event();
        e.x509NotBefore = 1_642_247_370_000L;
        e.x509NotAfter = 1_926_071_370_000L;
        e.timestamp = 1_692_161_674_667L;

        assertThat((Double) EventField.byName("tls.server.x509.validity_days").get(e)).isCloseTo(3285.0, within(1e-9));
        assertThat((Double) EventField.byName("tls.server.x509.age_days").get(e))
                .isCloseTo((1_692_161_674_667L - 1_642_247_370_000L) / (double) DAY, within(1e-9));
    }

    @Test
    void derivedFieldsAreAbsentWithoutTheirInputs() {
        Event e = new Event();

        assertThat(EventField.byName("tls.server.x509.validity_days").get(e)).isNull();
        assertThat(EventField.byName("tls.server.x509.age_days").get(e)).isNull();
        assertThat(EventField.byName("network.duration_ms").get(e)).isNull();
    }

    @Test
    void durationInMillisecondsComparesWithDurationParameters() {
        Event e = new Event();
        e.durationSeconds = 3.516797;

        assertThat(EventField.byName("network.duration_ms").get(e)).isEqualTo(3517L);
    }
}
