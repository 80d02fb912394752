package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code samples/network} equal to what {@link NetworkSampleGenerator} writes. */
class NetworkSamplesUpToDateTest extends GeneratedSamplesContract {

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of("opaque_custom_c2", "vpn_bulk_odd_port", "openvpn_tcp_1194",
            "opaque_midstream", "self_signed_c2_443", "valid_cert_https", "imaps_993", "missing_intermediate",
            "internal_self_signed", "tls_on_dns_port", "upload_heavy_8080", "https_upload_443",
            "unanswered_hello_10000", "below_threshold_8080", "tls_once_odd_port", "expired_public_certificate",
            "opaque_one_side_unseen", "netflow_opaque_4444");

    NetworkSamplesUpToDateTest() {
        super("network", NetworkSampleGenerator::writeAll, "zeek/conn.log", "zeek/ssl.log", "zeek/x509.log",
                "netflow/goflow2.json", "labels.csv");
    }

    @Test
    void labelsNameEveryScenarioOnce() throws IOException {
        assertThat(labelledScenarios()).containsExactlyInAnyOrderElementsOf(SCENARIOS);
    }

    @Test
    void samplesStaySmall() throws IOException {
        assertThat(committedBytes()).isLessThan(200_000L);
    }
}
