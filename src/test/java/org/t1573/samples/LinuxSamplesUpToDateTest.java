package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code samples/linux} equal to what {@link LinuxSampleGenerator} writes. On failure,
 * rerun the generator's {@code main} and commit the files.
 */
class LinuxSamplesUpToDateTest {

    private static final Path COMMITTED = Path.of("samples", "linux");

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of(
            "python_aes_beacon", "ssh_trusted", "perl_late_connection", "implant_tls_c2", "curl_expected",
            "socat_internal", "curl_nonstandard_port", "apt_https_mirror", "curl_standard_port");

    @TempDir
    Path fresh;

    @ParameterizedTest
    @ValueSource(strings = {"osquery.ndjson", "audit.log", "labels.csv"})
    void committedFileMatchesAFreshRun(String file) throws IOException {
        LinuxSampleGenerator.writeAll(fresh);

        assertThat(COMMITTED.resolve(file)).hasSameBinaryContentAs(fresh.resolve(file));
    }

    @Test
    void generatorWritesOnlyTheCheckedFiles() throws IOException {
        LinuxSampleGenerator.writeAll(fresh);

        try (var files = Files.list(fresh)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("osquery.ndjson", "audit.log", "labels.csv");
        }
    }

    @Test
    void labelsNameEveryScenarioOnce() throws IOException {
        List<String> labelled = Files.readAllLines(COMMITTED.resolve("labels.csv")).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();

        assertThat(labelled).containsExactlyInAnyOrderElementsOf(SCENARIOS);
    }

    @Test
    void samplesStaySmall() throws IOException {
        long total = 0;
        for (String file : Set.of("osquery.ndjson", "audit.log", "labels.csv")) {
            total += Files.size(COMMITTED.resolve(file));
        }
        assertThat(total).isLessThan(200_000);
    }
}
