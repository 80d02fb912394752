package org.t1573.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The child JVM of an embedded run ({@code java -jar}, see {@link Launcher}). It has a temporary
 * directory of its own, its {@code java.io.tmpdir} and so Flink's {@code io.tmp.dirs} (the RPC
 * system's 21 MB jar, the MiniCluster's working directories), deleted when the run ends, however
 * it ends. It does not outlive the launcher: on SIGTERM the launcher's shutdown hook kills it, and
 * if the launcher is killed outright the child sees it gone and stops.
 */
final class ChildJvm {
    /** System property of the child: the launcher's process id. */
    static final String LAUNCHER_PID = "t1573.launcher.pid";
    /** System property of the child: its temporary directory, which the launcher made. */
    static final String RUN_DIR = "t1573.run.dir";
    /** Exit code of a child whose launcher is gone (nobody reads it: it is 128 + SIGTERM for a shell). */
    private static final int LAUNCHER_GONE = 143;

    private ChildJvm() {}

    /** Runs {@link Main} with {@code args} in a child JVM on {@code classpath}; its exit code. */
    static int run(String classpath, List<String> args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("t1573-run-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath));
        // The launcher's own JVM options (-Xmx, -D...) first: the temporary directory after them wins.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-D" + Launcher.EMBEDDED + "=true", "-Djava.io.tmpdir=" + dir,
                "-D" + RUN_DIR + "=" + dir, "-D" + LAUNCHER_PID + "=" + ProcessHandle.current().pid(),
                Main.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).inheritIO().start();
        // Runs on every way out of this JVM but SIGKILL: the run's end (System.exit), SIGTERM, Ctrl-C.
        // Forcibly: a stopped run has nothing to save (outputs are written at its end, the stream
        // job's Kafka transactions commit on checkpoints), and Flink's own hooks would only be slow.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroyForcibly();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delete(dir);
        }, "t1573-child-jvm"));
        return child.waitFor();
    }

    /** In the child: once the launcher is gone, delete the run's directory and stop at once. */
    static void stopWithLauncher() {
        Long pid = Long.getLong(LAUNCHER_PID);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(pid).map(ProcessHandle::onExit).ifPresentOrElse(
                exit -> exit.thenRun(ChildJvm::launcherGone), ChildJvm::launcherGone);
    }

    private static void launcherGone() {
        String dir = System.getProperty(RUN_DIR);
        if (dir != null) {
            delete(Path.of(dir));
        }
        Runtime.getRuntime().halt(LAUNCHER_GONE);
    }

    /** Deletes a directory tree as far as it can: what is left is in a temporary directory anyway. */
    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Gone already, or a file vanished during the walk: nothing more to do.
        }
    }
}
