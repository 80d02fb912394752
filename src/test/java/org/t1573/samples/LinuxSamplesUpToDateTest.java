package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code samples/linux} equal to what {@link LinuxSampleGenerator} writes. */
class LinuxSamplesUpToDateTest extends GeneratedSamplesContract {

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of(
            "python_aes_beacon", "ssh_trusted", "perl_late_connection", "implant_tls_c2", "curl_expected",
            "socat_internal", "curl_nonstandard_port", "apt_https_mirror", "curl_standard_port");

    LinuxSamplesUpToDateTest() {
        super("linux", LinuxSampleGenerator::writeAll, "osquery.ndjson", "audit.log", "labels.csv");
    }

    @Test
    void labelsNameEveryScenarioOnce() throws IOException {
        assertThat(labelledScenarios()).containsExactlyInAnyOrderElementsOf(SCENARIOS);
    }

    @Test
    void samplesStaySmall() throws IOException {
        assertThat(committedBytes()).isLessThan(200_000);
    }
}
