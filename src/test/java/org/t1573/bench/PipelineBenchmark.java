package org.t1573.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.OriginTaggingLineFormat;
import org.t1573.ingest.RawLine;
import org.t1573.ingest.windows.WindowsRecordParser;
import org.t1573.job.DetectionJob;
import org.t1573.job.InputSpec;
import org.t1573.job.JobOptions;
import org.t1573.job.LocalRun;
import org.t1573.job.RunResult;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternSet;

/**
 * Prints the throughput of each stage of the pipeline over the same Sysmon JSON files, in one
 * JVM, so the stages can be compared without the run-to-run spread between JVMs: reading lines,
 * a Jackson tree parse (the floor of any tree-based parser), our Windows parser, parser plus the
 * select stage, and the whole job on a local MiniCluster in BATCH and STREAMING mode. Each stage
 * runs once to warm up, then {@code --reps} times; the median is reported. A run of the job over
 * 1,000 events shows its fixed cost (MiniCluster start, job submission), part of every job figure.
 * Parallelism 1 shows the scaling. The repeated-records stage runs the job over a tenth of the
 * lines, then over the same tenth with every line ten times in a row (a record delivered again):
 * the same alerts in at most ten times the time. Besides wall time, each stage reports the JVM's CPU time per
 * event (all threads: tasks, JIT, GC), steadier than wall time on a shared machine. With {@code --siddhi-eps}, the
 * figure of the Siddhi peer measured by bench/run.sh just before, the targets are checked too.
 *
 * <p>Usage: {@code PipelineBenchmark [--reps 3] [--parallelism 2] [--patterns patterns]
 * [--stages read,jackson,parser,select,startup,batch,batch-p1,streaming,streaming-rocksdb,repeated] [--siddhi-eps X] FILE...}.
 * Not a test: run it with {@code bench/run.sh}.
 */
public final class PipelineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_STAGES =
            List.of("read", "jackson", "parser", "select", "startup", "flink-jackson", "batch", "batch-p1", "streaming",
                    "streaming-rocksdb", "repeated");
    /** Copies of every line in the repeated-records stage. */
    private static final int COPIES = 10;
    private static final int STARTUP_LINES = 1_000;

    /** One measured stage; returns a number derived from all its work so the JIT cannot drop it. */
    @FunctionalInterface
    private interface Stage {
        long run() throws Exception;
    }

    /** The figures of one stage: its name, events per run, run times in seconds, and a note. */
    private record Row(String name, long events, double[] seconds, double[] cpuSeconds, String note, long peakHeapMb) {
        double median() {
            return medianOf(seconds);
        }

        /** CPU time of the whole JVM (all threads: tasks, JIT, GC) per event, in microseconds. */
        double cpuMicrosPerEvent() {
            return 1e6 * medianOf(cpuSeconds) / events;
        }

        private static double medianOf(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    private final List<Path> files;
    private final long lines;
    private final int reps;
    private final int parallelism;
    private final List<Path> patternDirs;
    private final PatternSet patterns;
    private final Path outDir;
    private final List<String> stages;
    private final List<Row> rows = new ArrayList<>();
    /** Events/s of the Siddhi peer on pre-parsed events, 0 if not measured. */
    private double siddhiEps;
    /** Events kept by the select stage in its last run. */
    private long selectKept;
    /** The note of the stage being measured, set by the stage's last run. */
    private String note = "";
    private List<String> lastAlerts = List.of();
    private boolean repeatedSameAlerts;

    private PipelineBenchmark(List<Path> files, int reps, int parallelism, List<Path> patternDirs, Path outDir,
            List<String> stages) throws Exception {
        this.files = files;
        this.stages = stages;
        this.reps = reps;
        this.parallelism = parallelism;
        this.patternDirs = patternDirs;
        this.patterns = PatternSet.load(patternDirs, Map.of());
        this.outDir = outDir;
        long n = 0;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                while (r.readLine() != null) {
                    n++;
                }
            }
        }
        this.lines = n;
    }

    public static void main(String[] args) throws Exception {
        int reps = 3;
        int parallelism = 2;
        List<Path> patternDirs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> stages = ALL_STAGES;
        double siddhiEps = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--patterns" -> patternDirs.add(Path.of(args[++i]));
                case "--stages" -> stages = List.of(args[++i].split(","));
                case "--siddhi-eps" -> siddhiEps = Double.parseDouble(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: PipelineBenchmark [--reps 3] [--parallelism 2] [--patterns DIR] "
                    + "[--stages " + String.join(",", ALL_STAGES) + "] FILE...");
            System.exit(2);
        }
        PipelineBenchmark b = new PipelineBenchmark(files, reps, parallelism,
                patternDirs.isEmpty() ? List.of(Path.of("patterns")) : patternDirs, Path.of("target/bench/out"), stages);
        b.siddhiEps = siddhiEps;
        b.printMachine();
        b.runAll();
        b.printTable();
    }

    private void printMachine() throws IOException {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("machine: %d cpu(s) visible to the JVM, java %s (%s), %s %s, max heap %d MB%n",
                rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"), rt.maxMemory() >> 20);
        System.out.printf("input: %,d events, %,d bytes (%.0f B/event), %d file(s); %d pattern(s); "
                + "warm-up 1 + median of %d%n", lines, bytes, (double) bytes / lines, files.size(),
                patterns.patterns().size(), reps);
    }

    private void runAll() throws Exception {
        measure("read", "read lines (I/O floor)", lines, this::readLines);
        measure("jackson", "(a) Jackson readTree", lines, this::jacksonTree);
        measure("parser", "(b) WindowsRecordParser", lines, this::ourParser);
        measure("select", "(c) parser + select", lines, this::parseAndSelect);
        if (stages.contains("startup")) {
            // The same job over a few lines: what a run costs whatever its size (MiniCluster, graph).
            Path tiny = outDir.resolve("startup.ndjson");
            Files.createDirectories(outDir);
            try (var head = Files.lines(files.get(0), StandardCharsets.UTF_8)) {
                Files.write(tiny, (Iterable<String>) head.limit(STARTUP_LINES)::iterator, StandardCharsets.UTF_8);
            }
            measure("startup", "whole job, BATCH, " + STARTUP_LINES + " events", STARTUP_LINES,
                    () -> wholeJob(List.of(tiny), RuntimeExecutionMode.BATCH));
        }
        measure("flink-jackson", "(f) Flink: files, readTree, p=" + parallelism, lines, this::flinkJackson);
        measure("batch", "(d) whole job, BATCH p=" + parallelism, lines,
                () -> wholeJob(files, RuntimeExecutionMode.BATCH));
        measure("batch-p1", "(e) whole job, BATCH p=1", lines, () -> on(1, RuntimeExecutionMode.BATCH, "hashmap"));
        measure("streaming", "(d) whole job, STREAMING p=" + parallelism, lines,
                () -> wholeJob(files, RuntimeExecutionMode.STREAMING));
        measure("streaming-rocksdb", "(g) whole job, STREAMING, RocksDB", lines,
                () -> on(parallelism, RuntimeExecutionMode.STREAMING, "rocksdb"));
        if (stages.contains("repeated")) {
            repeatedRecords();
        }
    }

    /** (h): a tenth of every file once, then the same lines each {@link #COPIES} times in a row. */
    private void repeatedRecords() throws Exception {
        Files.createDirectories(outDir);
        long perFile = lines / COPIES / files.size();
        List<Path> once = new ArrayList<>();
        List<Path> repeated = new ArrayList<>();
        for (Path f : files) {
            List<String> head;
            try (var in = Files.lines(f, StandardCharsets.UTF_8)) {
                head = in.limit(perFile).toList();
            }
            once.add(Files.write(outDir.resolve("once-" + f.getFileName()), head, StandardCharsets.UTF_8));
            List<String> copies = new ArrayList<>();
            head.forEach(l -> copies.addAll(Collections.nCopies(COPIES, l)));
            repeated.add(Files.write(outDir.resolve("repeated-" + f.getFileName()), copies, StandardCharsets.UTF_8));
        }
        long onceLines = perFile * files.size();
        measure("repeated", "(h) whole job, BATCH, a tenth of the lines", onceLines,
                () -> wholeJob(once, RuntimeExecutionMode.BATCH));
        List<String> onceAlerts = sorted(lastAlerts);
        measure("repeated", "(h') the same tenth, every line " + COPIES + " times", onceLines * COPIES,
                () -> wholeJob(repeated, RuntimeExecutionMode.BATCH));
        repeatedSameAlerts = onceAlerts.equals(sorted(lastAlerts));
    }

    private static List<String> sorted(List<String> alerts) {
        List<String> copy = new ArrayList<>(alerts);
        copy.sort(null);
        return copy;
    }

    private void measure(String key, String name, long events, Stage stage) throws Exception {
        if (!stages.contains(key)) {
            return;
        }
        double[] seconds = new double[reps];
        double[] cpu = new double[reps];
        long peak = 0;
        for (int i = -1; i < reps; i++) {
            System.gc();
            resetHeapPeaks();
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            long sink = stage.run();
            double s = (System.nanoTime() - t0) / 1e9;
            double c = (processCpuNanos() - c0) / 1e9;
            peak = Math.max(peak, heapPeakMb());
            System.out.printf("  %-32s %s %6.2f s  %,10.0f events/s  (check %d)%n", name,
                    i < 0 ? "warm-up" : "run " + (i + 1) + "  ", s, events / s, sink);
            if (i >= 0) {
                seconds[i] = s;
                cpu[i] = c;
            }
        }
        rows.add(new Row(name, events, seconds, cpu, note, peak));
        note = "";
    }

    private long readLines() throws IOException {
        long chars = 0;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    chars += line.length();
                }
            }
        }
        return chars;
    }

    private long jacksonTree() throws IOException {
        long fields = 0;
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    JsonNode node = JSON.readTree(line);
                    fields += node.size();
                }
            }
        }
        return fields;
    }

    private long ourParser() throws IOException {
        long[] events = new long[1];
        long malformed = 0;
        WindowsRecordParser parser = new WindowsRecordParser();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    try {
                        parser.parse(line, e -> events[0]++);
                    } catch (MalformedRecordException ex) {
                        malformed++;
                    }
                }
            }
        }
        note = String.format("%.1f%% of lines give an event, %d malformed", 100.0 * events[0] / lines, malformed);
        return events[0];
    }

    /** As {@code PatternSelector}: an event is kept when it satisfies a step or ends a key, and has a key. */
    private long parseAndSelect() throws IOException {
        List<CompiledPattern> compiled = patterns.patterns();
        long[] perPattern = new long[compiled.size()];
        long[] kept = new long[1];
        WindowsRecordParser parser = new WindowsRecordParser();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    try {
                        parser.parse(line, e -> {
                            if (select(compiled, e, perPattern)) {
                                kept[0]++;
                            }
                        });
                    } catch (MalformedRecordException ex) {
                        // Counted by stage (b); a malformed line is dropped here as in the job.
                    }
                }
            }
        }
        StringBuilder by = new StringBuilder();
        for (int i = 0; i < compiled.size(); i++) {
            by.append(i == 0 ? "" : ", ").append(compiled.get(i).id()).append(' ')
                    .append(String.format("%.1f%%", 100.0 * perPattern[i] / lines));
        }
        note = String.format("dropped %.1f%%, kept %.1f%% (%s)", 100.0 - 100.0 * kept[0] / lines,
                100.0 * kept[0] / lines, by);
        selectKept = kept[0];
        return kept[0];
    }

    private static boolean select(List<CompiledPattern> compiled, Event e, long[] perPattern) {
        boolean any = false;
        for (int i = 0; i < compiled.size(); i++) {
            CompiledPattern p = compiled.get(i);
            int mask = p.stepMask(e);
            boolean ends = p.endsKey(e);
            if ((mask != 0 || ends) && p.key(e) != null) {
                perPattern[i]++;
                any = true;
            }
        }
        return any;
    }

    private long wholeJob(List<Path> input, RuntimeExecutionMode mode) throws Exception {
        JobOptions options = new JobOptions(List.of(new InputSpec("windows", input)), patternDirs,
                outDir, List.of(), parallelism, mode, Duration.ofMinutes(1));
        RunResult result = LocalRun.execute(options, patterns);
        lastAlerts = result.alerts();
        note = String.format("%d alerts, %d dead letters", result.alerts().size(), result.deadLetters().size());
        return result.alerts().size();
    }

    /**
     * The framework's own floor: a BATCH job at the job's parallelism that reads the files with the
     * job's file source and only parses each line with Jackson (one source per file, as the job).
     */
    private long flinkJackson() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);
        env.getConfig().enableObjectReuse();
        DataStream<Long> sizes = null;
        for (Path f : files) {
            FileSource<RawLine> source = FileSource.forBulkFileFormat(new OriginTaggingLineFormat(),
                    new org.apache.flink.core.fs.Path(f.toUri())).build();
            DataStream<Long> one = env.fromSource(source, WatermarkStrategy.noWatermarks(), "files " + f.getFileName())
                    .filter(l -> !l.isEndOfInput()).map(l -> (long) JSON.readTree(l.text).size());
            sizes = sizes == null ? one : sizes.union(one);
        }
        long fields = 0;
        try (CloseableIterator<Long> it = sizes.windowAll(GlobalWindows.createWithEndOfStreamTrigger())
                .reduce(Long::sum).executeAndCollect()) {
            while (it.hasNext()) {
                fields += it.next();
            }
        }
        return fields;
    }

    /**
     * The job as {@link LocalRun} builds it, on an environment of its own: another parallelism, or
     * another state backend (the Kafka job's mode with the backend a large deployment would use).
     */
    private long on(int p, RuntimeExecutionMode mode, String stateBackend) throws Exception {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        // -Dflink.<option>=<value>: Flink options to try on these stages (e.g. RocksDB tuning).
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("flink."))
                .forEach(k -> conf.setString(k.substring("flink.".length()), System.getProperty(k)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        JobOptions options = new JobOptions(List.of(new InputSpec("windows", files)), patternDirs,
                outDir, List.of(), p, mode, Duration.ofMinutes(1));
        DetectionJob.Outputs outputs = DetectionJob.build(env, options, patterns);
        long alerts = 0;
        long dead = 0;
        try (CloseableIterator<String> it = outputs.alerts().map(a -> "A")
                .union(outputs.deadLetters().map(d -> "D")).executeAndCollect()) {
            while (it.hasNext()) {
                if ("A".equals(it.next())) {
                    alerts++;
                } else {
                    dead++;
                }
            }
        }
        note = String.format("%d alerts, %d dead letters", alerts, dead);
        return alerts;
    }

    /** CPU time of this JVM so far: every thread, so the job's JIT and GC count too. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    private static long heapPeakMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private void printTable() {
        System.out.println();
        System.out.printf("| %-34s | %12s | %9s | %19s | %12s | %9s | %s%n", "stage", "events/s", "median s",
                "runs (s)", "cpu us/event", "peak heap", "notes");
        System.out.printf("|%s|%s|%s|%s|%s|%s|---%n", "-".repeat(36), "-".repeat(14), "-".repeat(11),
                "-".repeat(21), "-".repeat(14), "-".repeat(11));
        for (Row r : rows) {
            StringBuilder runs = new StringBuilder();
            for (double s : r.seconds()) {
                runs.append(runs.length() == 0 ? "" : " ").append(String.format("%.2f", s));
            }
            System.out.printf("| %-34s | %,12.0f | %9.2f | %19s | %12.2f | %6d MB | %s%n", r.name(),
                    r.events() / r.median(), r.median(), runs, r.cpuMicrosPerEvent(), r.peakHeapMb(), r.note());
        }
        System.out.println();
        Row floorRow = row("(a)");
        Row parserRow = row("(b)");
        for (Row r : rows) {
            if ((r.name().startsWith("(d)") || r.name().startsWith("(f)")) && floorRow != null && parserRow != null) {
                double floor = lines / floorRow.median();
                double parser = lines / parserRow.median();
                System.out.printf("%s: %.2f x parse floor (a), %.2f x our parser (b); CPU per event %.1f x (a)'s%n",
                        r.name(), lines / r.median() / floor, lines / r.median() / parser,
                        r.cpuMicrosPerEvent() / floorRow.cpuMicrosPerEvent());
            }
        }
        Row startup = row("whole job, BATCH, ");
        Row batch = row("(d) whole job, BATCH");
        if (startup != null && batch != null && floorRow != null) {
            double marginal = lines / (batch.median() - startup.median());
            System.out.printf("(d) BATCH without the fixed cost of a run (%.2f s): %,.0f events/s, %.2f x parse floor (a)%n",
                    startup.median(), marginal, marginal / (lines / floorRow.median()));
        }
        printSelectivity();
        printTargets();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap after the runs (after GC): %d MB used of %d MB committed, max %d MB%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, rt.maxMemory() >> 20);
    }

    /** What the select stage costs per event it drops (the parse is part of that cost). */
    private void printSelectivity() {
        Row parser = row("(b)");
        Row select = row("(c)");
        if (parser == null || select == null) {
            return;
        }
        long dropped = lines - selectKept;
        System.out.printf("selectivity: %.1f%% of lines dropped before keyBy; per line: parse %.2f us, "
                + "parse + select %.2f us, select alone %.2f us; per dropped line (all of the parse+select time "
                + "over the dropped lines) %.2f us%n", 100.0 * dropped / lines, 1e6 * parser.median() / lines,
                1e6 * select.median() / lines, 1e6 * (select.median() - parser.median()) / lines,
                1e6 * select.median() / dropped);
    }

    /**
     * The engine issue's targets that this JVM measures, from the rows of this run, as
     * {@code target-row} lines that bench/run.sh gathers into one table with the state figures.
     */
    private void printTargets() {
        Row floorRow = row("(a)");
        Row batch = row("(d) whole job, BATCH");
        Row streaming = row("(d) whole job, STREAMING");
        Row rocks = row("(g)");
        Row p1 = row("(e)");
        Row flink = row("(f)");
        System.out.println();
        if (floorRow != null && batch != null) {
            target("whole job BATCH p=" + parallelism + " / Jackson readTree floor", floorRow.median() / batch.median(),
                    ">= 0.6", 0.6);
        }
        if (floorRow != null && flink != null) {
            System.out.printf("target-row | Flink alone (job's file source + readTree, BATCH p=%d) / Jackson floor | %.2f"
                    + " | (the framework's floor) | |%n", parallelism, floorRow.median() / flink.median());
        }
        if (siddhiEps > 0 && batch != null) {
            target("whole job BATCH p=" + parallelism + " / Siddhi AN0400 pre-parsed ("
                    + String.format("%,.0f", siddhiEps) + " events/s)", lines / batch.median() / siddhiEps,
                    ">= 1.0 (moonshot 2.0)", 1.0);
        }
        if (rocks != null && streaming != null) {
            target("STREAMING on RocksDB / STREAMING on heap", streaming.median() / rocks.median(), ">= 0.35", 0.35);
        }
        Row once = row("(h) ");
        Row repeated = row("(h') ");
        if (once != null && repeated != null) {
            target("every line " + COPIES + " times / once, BATCH time" + (repeatedSameAlerts ? ", same alerts" : ", ALERTS DIFFER"),
                    repeated.median() / once.median(), "<= " + COPIES + "x, same alerts",
                    repeated.median() / once.median() <= COPIES && repeatedSameAlerts);
        }
        if (p1 != null && batch != null) {
            target("parallelism 1 -> " + parallelism + String.format(" (p=1: %,.0f events/s)", lines / p1.median()),
                    p1.median() / batch.median(), ">= 1.7x", 1.7);
        }
    }

    private static void target(String name, double ratio, String goal, double threshold) {
        target(name, ratio, goal, ratio >= threshold);
    }

    private static void target(String name, double ratio, String goal, boolean met) {
        System.out.printf("target-row | %s | %.2f | %s | %s |%n", name, ratio, goal, met ? "met" : "not met");
    }

    private Row row(String prefix) {
        return rows.stream().filter(r -> r.name().startsWith(prefix)).findFirst().orElse(null);
    }
}
