package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code samples/macos} equal to what {@link MacosSampleGenerator} writes. */
class MacosSamplesUpToDateTest extends GeneratedSamplesContract {

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of(
            "an0402_rc4_beacon", "an0761_tls_agent", "an1498_rsa_then_tls", "doh_resolver", "trusted_doh_endpoint",
            "approved_browser", "internal_destination", "late_connection", "redacted_endpoint", "keychain_ipc_failure");

    MacosSamplesUpToDateTest() {
        super("macos", MacosSampleGenerator::writeAll, "mac1.ndjson", "mac2.json", "labels.csv");
    }

    @Test
    void labelsNameEveryScenario() throws IOException {
        assertThat(labelledScenarios()).containsAll(SCENARIOS);
    }
}
