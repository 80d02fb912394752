package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import picocli.CommandLine;

/**
 * {@code backtest --set Name+=items} and {@code Name-=items} on the Windows samples: extending a
 * shipped allowlist silences exactly the process added, trimming it raises exactly the process
 * removed, and every other alert line stays as it was.
 */
class SetOptionsITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    static Path work;

    private static List<String> shipped;

    @BeforeAll
    static void runWithTheShippedLists() throws Exception {
        shipped = alerts("shipped");
    }

    /** The alert lines of a backtest of the Windows samples with {@code sets} as --set options. */
    private static List<String> alerts(String name, String... sets) throws Exception {
        return backtest(name, new ByteArrayOutputStream(), sets);
    }

    private static List<String> backtest(String name, ByteArrayOutputStream summary, String... sets) throws Exception {
        Path out = work.resolve(name);
        List<String> args = new ArrayList<>(List.of("--input", "windows=samples/windows", "--out", out.toString()));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        BacktestCommand command = CommandLine.populateCommand(new BacktestCommand(), args.toArray(String[]::new));
        assertThat(command.execute(new PrintStream(summary, true, StandardCharsets.UTF_8), System.err)).isZero();
        return Files.readAllLines(out.resolve("alerts.jsonl"));
    }

    private static Predicate<String> ofAn0400For(String process) {
        return line -> {
            Alert a = AlertJson.read(line);
            return a.analytic().id().equals("AN0400") && process.equals(a.process().name());
        };
    }

    @Test
    void addingAProcessSilencesOnlyItsAlertsOfThatPattern() throws Exception {
        List<String> extended = alerts("extended", "AN0400.AllowedCryptoProcesses+=rundll32.exe");

        assertThat(shipped).anyMatch(ofAn0400For("rundll32.exe"));
        assertThat(extended).isEqualTo(shipped.stream().filter(ofAn0400For("rundll32.exe").negate()).toList());
    }

    @Test
    void addingASiteListFileSilencesTheProcessesItNames() throws Exception {
        Path site = Files.createTempFile(Files.createDirectories(Path.of("target")), "site-allowlist", ".csv");
        try {
            Files.writeString(site, "# this site's updater and agent\nsvc_update.exe\nmsupd.exe\n");
            List<String> extended = alerts("site", "AllowedCryptoProcesses+=@file:"
                    + Path.of("").toAbsolutePath().relativize(site.toAbsolutePath()));

            assertThat(shipped).anyMatch(ofAn0400For("svc_update.exe")).anyMatch(ofAn0400For("msupd.exe"));
            assertThat(extended).isEqualTo(shipped.stream()
                    .filter(ofAn0400For("svc_update.exe").or(ofAn0400For("msupd.exe")).negate()).toList());
        } finally {
            Files.delete(site);
        }
    }

    @Test
    void theRunSummaryShowsWhatTheOverrideChanged() throws Exception {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        backtest("summary", summary, "AN0400.AllowedCryptoProcesses+=rundll32.exe", "AN0400.AllowedCryptoProcesses-=python.exe");

        assertThat(summary.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  --set AllowedCryptoProcesses "
                + "\\(AN0400\\): (\\d+) items \\(default \\1\\), added 1: rundll32.exe, removed 1: python.exe$");
    }

    @Test
    void removingAShippedBrowserRaisesItsAlert() throws Exception {
        List<String> trimmed = alerts("trimmed", "AN0400.AllowedCryptoProcesses-=chrome.exe");

        assertThat(shipped).noneMatch(ofAn0400For("chrome.exe"));
        assertThat(trimmed).anyMatch(ofAn0400For("chrome.exe"));
        assertThat(trimmed.stream().filter(ofAn0400For("chrome.exe").negate()).toList()).isEqualTo(shipped);
    }
}
