package org.t1573.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The jar's entry point. On a Flink cluster, Flink is on the classpath and {@link Main} runs
 * directly. Under {@code java -jar}, Flink (a provided dependency) is loaded from the
 * {@code lib/} directory that {@code mvn package} fills beside the jar (in a child JVM), and the
 * job runs on a local MiniCluster: one jar for both. The child JVM lives and dies with this one
 * and cleans up after itself ({@link ChildJvm}).
 */
public final class Launcher {
    /** System property set in the child JVM of an embedded run. */
    static final String EMBEDDED = "t1573.embedded";

    private static final String FLINK_PROBE = "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (onClasspath(FLINK_PROBE)) {
            Main.main(args);
            return;
        }
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.getParent().resolve("lib");
        if (!Files.isDirectory(lib)) {
            System.err.println("The Flink runtime is not on the classpath and " + lib + " does not exist: build with "
                    + "'mvn package' (it fills target/lib) or submit this jar to a Flink cluster.");
            System.exit(Main.USAGE);
        }
        // A child JVM with Flink on its class path: Flink resolves user classes through the
        // application class loader, so a nested class loader here is not enough.
        System.exit(ChildJvm.run(jar + java.io.File.pathSeparator + lib.resolve("*"), List.of(args)));
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
