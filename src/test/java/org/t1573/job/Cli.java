package org.t1573.job;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line run as a user runs it: a JVM of its own, its exit code and what it printed. */
final class Cli {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** What a finished command returned and printed. */
    record Result(int code, List<String> out, List<String> err) {}

    private Cli() {}

    /** {@link Main} with {@code args} as the jar's child JVM runs it, on the test class path. */
    static Result main(Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                "-D" + Launcher.EMBEDDED + "=true", Main.class.getName()));
        command.addAll(List.of(args));
        return run(command, work);
    }

    /** A command, its output kept in files under {@code work} (a pipe left unread could block it). */
    static Result run(List<String> command, Path work) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = start(command, out.toFile(), err.toFile());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 5 minutes: " + command);
        }
        return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    /** Starts {@code command} in the checkout (inputs and patterns are relative to it). */
    static Process start(List<String> command, File out, File err) throws IOException {
        return new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
    }
}
