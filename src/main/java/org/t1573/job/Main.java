package org.t1573.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.t1573.alert.AlertFormat;
import org.t1573.ingest.ChannelSniffer;
import org.t1573.ingest.EventTime;
import org.t1573.pattern.ChangedParameters;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.Durations;
import org.t1573.pattern.ParameterOverride;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line. With no arguments it runs every pattern over the bundled samples; see
 * {@code --help} of each command.
 */
@Command(name = "t1573-cep", mixinStandardHelpOptions = true, version = "t1573-cep 0.1.0",
        description = "Detects command and control over encrypted channels (MITRE ATT&CK T1573) with Flink CEP.%n"
                + "With no command: runs all patterns over the bundled samples/ into out/. "
                + "help COMMAND prints the options of a command.",
        subcommands = {BacktestCommand.class, Main.Validate.class, StreamCommand.class, PublishCommand.class,
                TestPatternsCommand.class, LintCommand.class, SigmaSuiteCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code of a run that could not start: bad options or pattern files. */
    static final int USAGE = 2;

    @Mixin
    RunOptions run = new RunOptions();

    public static void main(String[] args) {
        boolean embedded = Boolean.getBoolean(Launcher.EMBEDDED);
        if (embedded) {
            ChildJvm.stopWithLauncher();
        }
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        if (embedded) {
            // The embedded MiniCluster is done and every output is written; skip the shutdown hooks,
            // where Flink's RPC system fails to load classes its cleanup already removed.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
        if (!isStream(cl)) {
            System.exit(code);
        }
        // A job main submitted through the REST API runs inside the JobManager: exiting would stop it.
        if (code != 0) {
            throw new IllegalArgumentException(StreamCommand.NAME + " failed with exit code " + code + " (see above)");
        }
    }

    private static boolean isStream(CommandLine cl) {
        CommandLine.ParseResult parsed = cl.getParseResult();
        return parsed != null && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().name().equals(StreamCommand.NAME);
    }

    /** The bundled samples of every platform, each with its channel: the run with no arguments. */
    public static final List<String> BUNDLED_SAMPLES = List.of("windows=samples/windows", "auditd=samples/linux/audit.log",
            "osquery=samples/linux/osquery.ndjson", "macos=samples/macos", "esxi=samples/esxi/logs",
            "esxcli=samples/esxi/esxcli", "zeek=samples/network/zeek", "netflow=samples/network/netflow");

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError);
        // Built from the channel registry, so the list in the help cannot fall behind it.
        String[] channels = ChannelHelp.footer();
        cl.getCommandSpec().usageMessage().footer(channels);
        for (String command : List.of("backtest", StreamCommand.NAME, "publish")) {
            cl.getSubcommands().get(command).getCommandSpec().usageMessage().footer(channels);
        }
        return cl;
    }

    /** A bad option as one line, as the checks after parsing report theirs, not followed by the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(e.getMessage() + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() throws Exception {
        if (run.inputs.isEmpty()) {
            run.inputs.addAll(BUNDLED_SAMPLES);
        }
        return run.execute(System.out, System.err);
    }

    /** Checks pattern files. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks pattern files and Sigma rules; prints every error with file, line and reason.")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "PATH", description = "Pattern files or directories (default: patterns).")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--set", paramLabel = "Name[+-]=value", converter = SetOptionConverter.class,
                description = PatternOptions.SET_HELP + " Validated too; the values they change are printed.")
        List<ParameterOverride> overrides = new ArrayList<>();

        @Override
        public Integer call() {
            List<Path> dirs = paths.isEmpty() ? List.of(Path.of("patterns")) : paths;
            try {
                PatternSet set = PatternSet.load(dirs, overrides);
                for (CompiledPattern p : set.patterns()) {
                    System.out.printf("ok  %-22s %s (%s)%n", p.id(), p.definition().title(), p.definition().file());
                }
                ChangedParameters.describe(set).forEach(line -> System.out.println("set " + line));
                System.out.printf("%d pattern(s) valid%n", set.patterns().size());
                return 0;
            } catch (PatternLoadException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    /** The runtime modes of {@code --mode}: Flink's third, AUTOMATIC, would be BATCH for files without saying so. */
    enum Mode { BATCH, STREAMING }

    /** Options shared by the default run and backtest. */
    static final class RunOptions {
        @Option(names = {"-i", "--input"}, paramLabel = "[channel=]PATH",
                description = "File or directory to read (recursively; .gz allowed). Prefix with a channel, "
                        + "e.g. zeek=logs/; without one, each file's channel is told from its first " + ChannelSniffer.HEAD_BYTES / 1024 + " KB "
                        + "(printed on stderr) and a file no channel recognises is an error. Repeatable.")
        List<String> inputs = new ArrayList<>();

        @Mixin
        PatternOptions patterns = new PatternOptions();

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
                description = "Output directory for alerts.jsonl and dead-letters.jsonl (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N",
                description = "Operator parallelism, " + Parallelism.RANGE + " (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(names = "--mode", defaultValue = "BATCH",
                description = "One of ${COMPLETION-CANDIDATES}: BATCH (replay: sorted by time, no late data) or "
                        + "STREAMING (watermarks with bounded out-of-orderness). Default: ${DEFAULT-VALUE}.")
        Mode mode;

        @Option(names = "--event-time", defaultValue = "auto", completionCandidates = EventTimeWords.class,
                description = "One of ${COMPLETION-CANDIDATES}. auto: the sensor's time, but a host's event codes whose sensor time disagrees with its "
                        + "other codes are put on the host's write clock; sensor: the time the sensor recorded (Sysmon "
                        + "UtcTime); collector: the time the collector wrote the record; corrected: the collector's clock "
                        + "mapped onto the sensor's through each host's first offset. Default: ${DEFAULT-VALUE}.")
        String eventTime;

        @Option(names = "--max-out-of-orderness", defaultValue = "1m", paramLabel = "DURATION",
                description = "STREAMING: how late an event may arrive before it is a late dead letter; "
                        + Durations.HELP + " (default: ${DEFAULT-VALUE}).")
        String maxOutOfOrderness;

        Integer execute(PrintStream out, PrintStream err) throws Exception {
            JobOptions options;
            PatternSet set;
            try {
                options = toJobOptions(err);
                set = PatternSet.load(options.patterns(), options.overrides());
                OutputDirectory.check("--out", options.out());
            } catch (IllegalArgumentException | PatternLoadException e) {
                err.println(e.getMessage());
                return USAGE;
            }
            RunResult result = LocalRun.execute(options, set);
            LocalRun.write(result, options.out(), PatternRules.formatter(alertFormat, set));
            RunSummary.print(result, set, options, out);
            return 0;
        }

        @Option(names = "--alert-format", defaultValue = "NATIVE", paramLabel = "native|ecs|ocsf",
                description = "One of ${COMPLETION-CANDIDATES}, in any case. Shape of alerts.jsonl: native "
                        + "(t1573-alert/1), ecs (Elastic Common Schema) or ocsf (OCSF Detection Finding). Default: native.")
        AlertFormat alertFormat;

        @Option(names = "--from", paramLabel = "TIME",
                description = "Replay only events at or after this event time (ISO-8601, e.g. 2023-08-16T04:50:00Z).")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "Replay only events before this event time (ISO-8601).")
        String to;

        JobOptions toJobOptions() {
            return toJobOptions(System.err);
        }

        /** The options, with the channel chosen for each file of an input without one reported to {@code err}. */
        JobOptions toJobOptions(PrintStream err) {
            EventTime clock = EventTime.of(eventTime);
            List<InputSpec> specs = InputChannels.resolve(inputs, err::println);
            Duration lateness = Durations.parse(maxOutOfOrderness);
            return new JobOptions(specs, patterns.paths(), out, patterns.overrides, parallelism,
                    RuntimeExecutionMode.valueOf(mode.name()), clock,
                    lateness, instant("--from", from), instant("--to", to));
        }

        private static Instant instant(String option, String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(option + " " + text + ": not an ISO-8601 time such as 2023-08-16T04:50:00Z");
            }
        }
    }
}
