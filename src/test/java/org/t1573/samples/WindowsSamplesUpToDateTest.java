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
 * Keeps {@code samples/windows} equal to what {@link WindowsSampleGenerator} writes, so a
 * scenario changed in code cannot leave stale samples or labels behind. On failure, rerun
 * the generator's {@code main} and commit the files.
 */
class WindowsSamplesUpToDateTest {

    private static final Path COMMITTED = Path.of("samples", "windows");

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of(
            "rc4_beacon_rundll32", "oneshot_unexpected_process", "edr_agent", "backup_agent", "updater_7443",
            "updater_8444", "vpn_client", "ide_python", "browser", "system_process", "internal_destination",
            "late_connection", "out_of_order", "pid_reuse", "defender_beacon", "defender_envelope",
            "untrusted_root_tls", "tls_from_unexpected_process", "browser_certificate_error",
            "mail_client_certificate_error", "baseline_ca_chain_error", "valid_chain", "late_tls_load");

    @TempDir
    Path fresh;

    @ParameterizedTest
    @ValueSource(strings = {"sysmon.ndjson", "defender.ndjson", "capi2.ndjson", "labels.csv"})
    void committedFileMatchesAFreshRun(String file) throws IOException {
        WindowsSampleGenerator.writeAll(fresh);

        assertThat(COMMITTED.resolve(file)).hasSameBinaryContentAs(fresh.resolve(file));
    }

    @Test
    void generatorWritesOnlyTheCheckedFiles() throws IOException {
        WindowsSampleGenerator.writeAll(fresh);

        try (var files = Files.list(fresh)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("sysmon.ndjson", "defender.ndjson", "capi2.ndjson", "labels.csv");
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
