package org.t1573.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.t1573.ingest.InputFileFilter;

/**
 * Writes a fuzz test's seeds into its Jazzer inputs directory on the test class path
 * ({@code <TestClass>Inputs/<method>/} beside the compiled class), from files of the repository.
 * Generated rather than committed so that the seeds follow the samples and the hostile corpus;
 * findings Jazzer keeps under {@code src/test/resources} are copied there by Maven as usual.
 */
public final class FuzzSeeds {
    /** A seed's first bytes of a file, cut at a line end: libFuzzer mutates small inputs faster. */
    static final int MAX_SEED_BYTES = 8 * 1024;

    private final Path dir;

    private FuzzSeeds(Path dir) {
        this.dir = dir;
    }

    /** The inputs directory of {@code method} of {@code testClass}, created if missing. */
    public static FuzzSeeds of(Class<?> testClass, String method) {
        try {
            Path classes = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path d = classes.resolve(testClass.getPackageName().replace('.', '/'))
                    .resolve(testClass.getSimpleName() + "Inputs").resolve(method);
            Files.createDirectories(d);
            return new FuzzSeeds(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files under a file or directory that the job's file inputs would read. */
    public static List<Path> inputFiles(Path fileOrDir) {
        InputFileFilter filter = new InputFileFilter();
        try (Stream<Path> s = Files.walk(fileOrDir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> filter.test(new org.apache.flink.core.fs.Path(p.toUri())))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the start of {@code file} after {@code prefix} as the seed {@code name}. */
    public void write(String name, byte[] prefix, Path file) {
        try {
            byte[] text = Files.readAllBytes(file);
            int end = text.length;
            if (end > MAX_SEED_BYTES) {
                end = MAX_SEED_BYTES;
                while (end > 0 && text[end - 1] != '\n') {
                    end--;
                }
            }
            byte[] seed = new byte[prefix.length + end];
            System.arraycopy(prefix, 0, seed, 0, prefix.length);
            System.arraycopy(text, 0, seed, prefix.length, end);
            Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")), seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many seeds the directory holds (the generated ones and any kept findings). */
    public long count() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
