package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code samples/windows} equal to what {@link WindowsSampleGenerator} writes. */
class WindowsSamplesUpToDateTest extends GeneratedSamplesContract {

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of(
            "rc4_beacon_rundll32", "oneshot_unexpected_process", "edr_agent", "backup_agent", "updater_7443",
            "updater_8444", "vpn_client", "ide_python", "browser", "system_process", "internal_destination",
            "late_connection", "out_of_order", "pid_reuse", "defender_beacon", "defender_envelope",
            "untrusted_root_tls", "tls_from_unexpected_process", "browser_certificate_error",
            "mail_client_certificate_error", "baseline_ca_chain_error", "valid_chain", "late_tls_load");

    WindowsSamplesUpToDateTest() {
        super("windows", WindowsSampleGenerator::writeAll,
                "sysmon.ndjson", "defender.ndjson", "capi2.ndjson", "labels.csv");
    }

    @Test
    void labelsNameEveryScenario() throws IOException {
        assertThat(labelledScenarios()).containsAll(SCENARIOS);
    }
}
