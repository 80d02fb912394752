package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.bench.SysmonLikeGenerator;

/**
 * {@code java -jar target/t1573-cep.jar} as a user runs it, after {@code mvn package}: a launcher
 * JVM and the child JVM it starts with Flink on the class path. The child does not outlive the
 * launcher, and a run leaves nothing in the temporary directory, however it ends. The launcher's
 * {@code java.io.tmpdir} is a directory of the test's, so what a run leaves there is seen.
 */
@Tag("jar")
class EmbeddedRunITCase {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** 400,000 Sysmon-like events (250 MB): about 10 s of work here, far longer than the 5 s a child may take to go. */
    private static final int EVENTS = 400_000;

    @TempDir
    static Path input;

    @TempDir
    Path tmp;

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        SysmonLikeGenerator.main(new String[] {"--events", String.valueOf(EVENTS), "--out", input.toString()});
    }

    /** No JVM of a failed test is left running. */
    @AfterEach
    void stopAll() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aRunLeavesNothingInTheTemporaryDirectory() throws Exception {
        Process launcher = start("samples/windows");
        assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(launcher.exitValue()).isZero();
        assertThat(work.resolve("out").resolve("alerts.jsonl")).isNotEmptyFile();
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aUsageErrorLeavesNothingInTheTemporaryDirectory() throws Exception {
        Process launcher = start("samples/windows", "--parallelism", "0");
        assertThat(launcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(Main.USAGE);
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void sigtermToTheLauncherStopsTheChildAndTheRunWritesNothing() throws Exception {
        Process launcher = start(input.toString());
        ProcessHandle child = childOnceFlinkRuns(launcher);
        launcher.destroy(); // SIGTERM

        assertGoneWithin(child, Duration.ofSeconds(5));
        assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143);
        assertThat(work.resolve("out").resolve("alerts.jsonl")).doesNotExist();
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aLauncherKilledOutrightTakesItsChildAlong() throws Exception {
        Process launcher = start(input.toString());
        ProcessHandle child = childOnceFlinkRuns(launcher);
        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs, the child sees its launcher gone

        assertGoneWithin(child, Duration.ofSeconds(10));
        assertThat(work.resolve("out").resolve("alerts.jsonl")).doesNotExist();
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aChildThatDiesFailsTheRunAndLeavesNothing() throws Exception {
        Process launcher = start(input.toString());
        childOnceFlinkRuns(launcher).destroyForcibly();

        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(137);
        assertThat(entries(tmp)).isEmpty();
    }

    /** The jar on {@code input} (a windows channel path), in the checkout, output under {@link #work}. */
    private Process start(String input, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Djava.io.tmpdir=" + tmp, "-jar",
                System.getProperty("job.jar", "target/t1573-cep.jar"), "backtest", "--input", "windows=" + input,
                "--out", work.resolve("out").toString()));
        command.addAll(List.of(more));
        Process p = Cli.start(command, work.resolve("stdout.txt").toFile(), work.resolve("stderr.txt").toFile());
        started.add(p);
        return p;
    }

    /** The launcher's child, once Flink has started in it (its RPC jar is in the run's directory). */
    private ProcessHandle childOnceFlinkRuns(Process launcher) throws Exception {
        await("a child JVM", () -> launcher.toHandle().children().findAny().isPresent());
        ProcessHandle child = launcher.toHandle().children().findAny().orElseThrow();
        await("Flink in the child", () -> {
            try (Stream<Path> files = Files.walk(tmp)) {
                return files.anyMatch(f -> f.getFileName().toString().startsWith("flink-rpc"));
            } catch (IOException | RuntimeException e) {
                return false; // a file came or went during the walk
            }
        });
        assertThat(child.isAlive()).as("the run is still going when it is stopped").isTrue();
        return child;
    }

    private static void assertGoneWithin(ProcessHandle child, Duration limit) throws Exception {
        try {
            child.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM " + child.pid() + " was still running " + limit + " later");
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " after a minute");
            }
            Thread.sleep(50);
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
