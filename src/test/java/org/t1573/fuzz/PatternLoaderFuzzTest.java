package org.t1573.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;

/**
 * Fuzzes the pattern loader: any bytes as a pattern file load as a {@link PatternSet} or fail
 * with a {@link PatternLoadException} whose every error names the file and a line in it; any
 * other exception or Error, or a file that takes longer than the timeout, is a finding.
 */
class PatternLoaderFuzzTest {
    /** What YAML counts as a line break, and so SnakeYAML's line numbers: a lone CR too. */
    private static final Pattern YAML_LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\n\\x{85}\\x{2028}\\x{2029}]");
    private static final Path PATTERNS = Path.of("patterns").toAbsolutePath();

    @TempDir
    static Path dir;
    private static Path file;

    /**
     * Seeds: the bundled pattern files. The fuzzed file sits one directory down from copies of
     * the bundled list files, so that a seed's {@code @file:../services/...} still reads.
     */
    @BeforeAll
    static void seeds() throws IOException {
        for (Path f : FuzzSeeds.inputFiles(PATTERNS)) {
            if (!f.toString().endsWith(".yml")) {
                Path copy = dir.resolve(PATTERNS.relativize(f));
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
        file = Files.createDirectory(dir.resolve("fuzzed")).resolve("T-FUZZ.yml");
        FuzzSeeds seeds = FuzzSeeds.of(PatternLoaderFuzzTest.class, "anyPatternFile");
        List<Path> files = FuzzSeeds.inputFiles(PATTERNS).stream()
                .filter(f -> f.toString().endsWith(".yml") && !f.toString().endsWith(".tests.yml")).toList();
        files.forEach(f -> seeds.write(f.getFileName().toString(), new byte[0], f));
        assertThat(files).as("bundled pattern files").hasSizeGreaterThan(10);
        assertThat(seeds.count()).isGreaterThanOrEqualTo(files.size());
    }

    @FuzzTest(maxDuration = "15s")
    @Timeout(10)
    void anyPatternFile(byte[] input) throws IOException {
        Files.write(file, input);
        try {
            assertThat(PatternSet.load(List.of(file), Map.of()).patterns()).hasSize(1);
        } catch (PatternLoadException e) {
            long lines = 1 + YAML_LINE_BREAK.matcher(new String(input, StandardCharsets.UTF_8)).results().count();
            assertThat(e.errors()).isNotEmpty().allSatisfy(err -> {
                assertThat(err.file()).isEqualTo(file.toString());
                assertThat(err.line()).isBetween(0, (int) lines + 1);
            });
        }
    }
}
