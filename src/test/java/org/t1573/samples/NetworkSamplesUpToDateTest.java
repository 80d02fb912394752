package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code samples/network} equal to what {@link NetworkSampleGenerator} writes. On failure,
 * rerun the generator's {@code main} and commit the files.
 */
class NetworkSamplesUpToDateTest {

    private static final Path COMMITTED = Path.of("samples", "network");
    private static final List<String> FILES = List.of("zeek/conn.log", "zeek/ssl.log", "zeek/x509.log",
            "netflow/goflow2.json", "labels.csv");
    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of("opaque_custom_c2", "vpn_bulk_odd_port", "openvpn_tcp_1194",
            "opaque_midstream", "self_signed_c2_443", "valid_cert_https", "imaps_993", "missing_intermediate",
            "internal_self_signed", "tls_on_dns_port", "upload_heavy_8080", "https_upload_443",
            "unanswered_hello_10000", "below_threshold_8080", "netflow_opaque_4444");

    @TempDir
    Path fresh;

    @ParameterizedTest
    @ValueSource(strings = {"zeek/conn.log", "zeek/ssl.log", "zeek/x509.log", "netflow/goflow2.json", "labels.csv"})
    void committedFileMatchesAFreshRun(String file) throws IOException {
        NetworkSampleGenerator.writeAll(fresh);

        assertThat(COMMITTED.resolve(file)).hasSameBinaryContentAs(fresh.resolve(file));
    }

    @Test
    void generatorWritesOnlyTheCheckedFiles() throws IOException {
        NetworkSampleGenerator.writeAll(fresh);

        try (Stream<Path> files = Files.walk(fresh)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> fresh.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(FILES);
        }
    }

    @Test
    void labelsNameEveryScenarioOnce() throws IOException {
        List<String> labelled = Files.readAllLines(COMMITTED.resolve("labels.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toList());

        assertThat(labelled).containsExactlyInAnyOrderElementsOf(SCENARIOS);
    }

    @Test
    void samplesStaySmall() throws IOException {
        try (Stream<Path> files = Files.walk(COMMITTED)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            assertThat(bytes).isLessThan(200_000L);
        }
    }
}
