package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code samples/macos} equal to what {@link MacosSampleGenerator} writes. On failure,
 * rerun the generator's {@code main} and commit the files.
 */
class MacosSamplesUpToDateTest {

    private static final Path COMMITTED = Path.of("samples", "macos");

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of(
            "an0402_rc4_beacon", "an0761_tls_agent", "an1498_rsa_then_tls", "doh_resolver", "trusted_doh_endpoint",
            "approved_browser", "internal_destination", "late_connection", "redacted_endpoint", "keychain_ipc_failure");

    @TempDir
    Path fresh;

    @ParameterizedTest
    @ValueSource(strings = {"mac1.ndjson", "mac2.json", "labels.csv"})
    void committedFileMatchesAFreshRun(String file) throws IOException {
        MacosSampleGenerator.writeAll(fresh);

        assertThat(COMMITTED.resolve(file)).hasSameBinaryContentAs(fresh.resolve(file));
    }

    @Test
    void generatorWritesOnlyTheCheckedFiles() throws IOException {
        MacosSampleGenerator.writeAll(fresh);

        try (var files = Files.list(fresh)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("mac1.ndjson", "mac2.json", "labels.csv");
        }
    }

    @Test
    void labelsNameEveryScenario() throws IOException {
        Set<String> labelled = Files.readAllLines(COMMITTED.resolve("labels.csv")).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.toSet());

        assertThat(labelled).containsAll(SCENARIOS);
    }
}
