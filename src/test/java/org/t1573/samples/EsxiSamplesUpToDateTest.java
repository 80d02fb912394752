package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code samples/esxi} equal to what {@link EsxiSampleGenerator} writes. */
class EsxiSamplesUpToDateTest extends GeneratedSamplesContract {

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of("an0403_hostd_stream", "an1499_vpxa_handshake",
            "an0762_hostd_tls", "approved_update_host", "internal_vcenter", "other_world", "late_snapshot");

    EsxiSamplesUpToDateTest() {
        super("esxi", EsxiSampleGenerator::writeAll, "logs/esx01-hostd.log", "logs/esx02-syslog.log",
                "esxcli/esx01-connections.txt", "esxcli/esx02-connections.csv", "labels.csv");
    }

    @Test
    void labelsNameEveryScenario() throws IOException {
        assertThat(labelledScenarios()).containsAll(SCENARIOS);
    }
}
