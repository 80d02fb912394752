package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code samples/esxi} equal to what {@link EsxiSampleGenerator} writes. On failure, rerun
 * the generator's {@code main} and commit the files.
 */
class EsxiSamplesUpToDateTest {

    private static final Path COMMITTED = Path.of("samples", "esxi");

    /** The scenarios the samples promise, listed here independently of the generator. */
    private static final List<String> SCENARIOS = List.of("an0403_hostd_stream", "an1499_vpxa_handshake",
            "an0762_hostd_tls", "approved_update_host", "internal_vcenter", "other_world", "late_snapshot");

    @TempDir
    Path fresh;

    @ParameterizedTest
    @ValueSource(strings = {"logs/esx01-hostd.log", "logs/esx02-syslog.log", "esxcli/esx01-connections.txt",
            "esxcli/esx02-connections.csv", "labels.csv"})
    void committedFileMatchesAFreshRun(String file) throws IOException {
        EsxiSampleGenerator.writeAll(fresh);

        assertThat(COMMITTED.resolve(file)).hasSameBinaryContentAs(fresh.resolve(file));
    }

    @Test
    void generatorWritesOnlyTheCheckedFiles() throws IOException {
        EsxiSampleGenerator.writeAll(fresh);

        try (Stream<Path> files = Files.walk(fresh)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> fresh.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("logs/esx01-hostd.log", "logs/esx02-syslog.log",
                            "esxcli/esx01-connections.txt", "esxcli/esx02-connections.csv", "labels.csv");
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
