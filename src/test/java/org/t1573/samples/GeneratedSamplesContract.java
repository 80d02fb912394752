package org.t1573.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps a platform's committed samples equal to what its generator writes, so a scenario changed
 * in code cannot leave stale samples or labels behind: every file equals a fresh run, and a run
 * writes nothing else. On failure, rerun the generator's {@code main} and commit the files.
 */
abstract class GeneratedSamplesContract {

    /** A generator's entry point that writes all of a platform's samples into a directory. */
    @FunctionalInterface
    interface Generator {
        void writeAll(Path dir) throws IOException;
    }

    private final Path committed;
    private final Generator generator;
    private final List<String> files;

    @TempDir
    Path fresh;

    GeneratedSamplesContract(String platform, Generator generator, String... files) {
        this.committed = Path.of("samples", platform);
        this.generator = generator;
        this.files = List.of(files);
    }

    @TestFactory
    Stream<DynamicTest> committedFileMatchesAFreshRun() throws IOException {
        generator.writeAll(fresh);

        return files.stream().map(file -> DynamicTest.dynamicTest(file,
                () -> assertThat(committed.resolve(file)).hasSameBinaryContentAs(fresh.resolve(file))));
    }

    @Test
    void generatorWritesOnlyTheCheckedFiles() throws IOException {
        generator.writeAll(fresh);

        try (Stream<Path> written = Files.walk(fresh)) {
            assertThat(written.filter(Files::isRegularFile).map(f -> fresh.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(files);
        }
    }

    /** The scenario column of the committed labels.csv, one entry a row. */
    List<String> labelledScenarios() throws IOException {
        return Files.readAllLines(committed.resolve("labels.csv")).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
    }

    /** The size of all committed samples of the platform. */
    long committedBytes() throws IOException {
        try (Stream<Path> all = Files.walk(committed)) {
            return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
