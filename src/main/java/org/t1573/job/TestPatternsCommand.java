package org.t1573.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the test cases kept beside the patterns ({@code <ID>.tests.yml}). */
@Command(name = "test-patterns", mixinStandardHelpOptions = true,
        description = "Runs every pattern's test cases (<ID>.tests.yml beside <ID>.yml): all cases in one job, a PASS or "
                + "FAIL line per case with the reasons; exit code 1 when a case fails.")
public final class TestPatternsCommand implements Callable<Integer> {
    @Mixin
    PatternDir patterns = new PatternDir();

    @Override
    public Integer call() throws Exception {
        if (!patterns.exists("test-patterns")) {
            return Main.USAGE;
        }
        Path work = Files.createTempDirectory("t1573-pattern-tests");
        try {
            return new PatternTestRunner(work).runAll(patterns.dir, System.out) ? 0 : 1;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
