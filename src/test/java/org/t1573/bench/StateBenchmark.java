package org.t1573.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.t1573.detect.DetectionGraph;
import org.t1573.detect.NetworkEnrichment;
import org.t1573.event.Event;
import org.t1573.pattern.PatternSet;

/**
 * Shows how much keyed state the job holds for many concurrently tracked processes and that it
 * returns to its baseline once they end. A STREAMING job (all patterns, parallelism 2) reads a
 * generated script: M processes each start, load a crypto library and connect out to a public
 * address (so AN0400's CEP and alert-window state exist for each), all within 10 minutes of event
 * time; then every process ends; then benign events two hours later move the watermark past every
 * window and timeout. The source stops at three gates (before any event, with all processes open,
 * after the end and the watermark), where this JVM is measured after a full GC: heap used minus the
 * baseline is the state (heap backend), plus resident memory and the RocksDB directory (RocksDB).
 *
 * <p>With {@code --bare-cep} the same script runs through Flink CEP alone instead of the job: one
 * two-step pattern (a load, then a connection, within 15 minutes) over a key and a step number per
 * event, nothing else kept. What a process costs there is the floor Flink CEP sets for one pattern
 * with a partial match open per key, whatever the job around it does.
 *
 * <p>With {@code --repeat R} every event of the script comes R times in a row (same record id and
 * time, as at-least-once redelivery gives it): state and alerts must be those of a single copy.
 *
 * <p>Usage: {@code StateBenchmark [--processes 1000000] [--parallelism 2] [--backend hashmap|rocksdb]
 * [--patterns patterns] [--channels windows] [--settle-seconds 5] [--histogram LINES] [--bare-cep] [--repeat 1]}
 * ({@code --channels}: the input channels the job is built for, as the job builds it: the
 * default, the script's own {@code windows}, runs no network join; {@code windows,zeek} adds
 * the joins, whose tolerance holds the watermark, and so every pattern's events, two minutes back)
 * ({@code --histogram} prints the live classes with most bytes while all processes are open, and
 * again once they all ended: what their state was made of, and what stays).
 * Not a test: run it with {@code bench/run.sh}.
 */
public final class StateBenchmark {
    private static final long T0 = 1_700_000_000_000L;
    private static final long OPEN_SPAN_MS = 600_000;
    private static final long END_SPAN_MS = 60_000;
    private static final long LATER_MS = 2 * 3_600_000;
    /** Benign events a second apart after the jump, so the new watermark travels with records. */
    private static final int TICKS = 100;
    private static final int EVENTS_PER_OPEN = 3;
    private static final int HOSTS = 1_000;

    /** Where the source waits, and the benchmark thread knows it waits; static: the MiniCluster shares this JVM. */
    static final Semaphore REACHED = new Semaphore(0);
    static final Semaphore RELEASED = new Semaphore(0);
    static final AtomicLong ALERTS = new AtomicLong();

    private StateBenchmark() {}

    /** Exits when measuring fails: the MiniCluster's threads would otherwise keep the JVM up with the source at a gate. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        long processes = 1_000_000;
        int parallelism = 2;
        String backend = "hashmap";
        Path patternDir = Path.of("patterns");
        int settle = 5;
        int histogram = 0;
        boolean bareCep = false;
        int repeat = 1;
        Set<String> channels = Set.of("windows");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--processes" -> processes = Long.parseLong(args[++i].replace("_", ""));
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--backend" -> backend = args[++i];
                case "--patterns" -> patternDir = Path.of(args[++i]);
                case "--settle-seconds" -> settle = Integer.parseInt(args[++i]);
                case "--histogram" -> histogram = Integer.parseInt(args[++i]);
                case "--bare-cep" -> bareCep = true;
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--channels" -> channels = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path rocksDir = Path.of(System.getProperty("bench.dir", "target/bench")).resolve("rocksdb").toAbsolutePath();
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, backend);
        conf.setString("state.backend.rocksdb.localdir", rocksDir.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(parallelism);
        PatternSet patterns = PatternSet.load(List.of(patternDir), Map.of());

        long total = processes * (EVENTS_PER_OPEN + 1) + TICKS + 1;
        DataStream<Event> events = env.fromSequence(0, total * repeat - 1).setParallelism(1)
                .map(new Script(processes, repeat)).setParallelism(1).name("state script")
                .assignTimestampsAndWatermarks(WatermarkStrategy.forGenerator(c -> new EverySecond())
                        .withTimestampAssigner((e, t) -> e.timestamp)).setParallelism(1);
        DataStream<?> alerts = bareCep ? BareCep.matches(events) : DetectionGraph.buildEnriched(
                NetworkEnrichment.apply(List.of(events), channels), patterns, null).alerts();
        alerts.map(a -> ALERTS.incrementAndGet()).sinkTo(new DiscardingSink<>());

        System.out.printf("state: %,d processes, %s, backend %s, parallelism %d, max heap %d MB%n", processes,
                bareCep ? "Flink CEP alone, one pattern"
                        : patterns.patterns().size() + " pattern(s), channels " + String.join(",", channels),
                backend, parallelism, Runtime.getRuntime().maxMemory() >> 20);
        JobClient job = env.executeAsync("state benchmark");
        long t0 = System.nanoTime();
        Snapshot base = atGate(job, settle, rocksDir, 0);
        base.print("baseline (job running, no events)", base);
        Snapshot open = atGate(job, settle, rocksDir, histogram);
        open.print(String.format("%,d processes open", processes), base);
        System.out.printf("  per open process: %.0f bytes of heap%n", (double) (open.heap() - base.heap()) / processes);
        Snapshot ended = atGate(job, settle, rocksDir, histogram);
        ended.print("all ended, watermark +2 h", base);
        job.getJobExecutionResult().get();
        System.out.printf("state: %d alerts, %.1f s in all%n", ALERTS.get(), (System.nanoTime() - t0) / 1e9);
        System.out.printf("state-result %sbackend=%s repeat=%d alerts=%d processes=%d base-mb=%d open-mb=%d ended-mb=%d per-process-b=%d%n",
                bareCep ? "bare-cep " : "", backend, repeat, ALERTS.get(), processes, base.heap() >> 20, open.heap() >> 20, ended.heap() >> 20,
                (open.heap() - base.heap()) / processes);
    }

    /** Heap used after GC, resident set size and the RocksDB directory's size, in bytes. */
    private record Snapshot(long heap, long rss, long rocksDisk) {
        void print(String when, Snapshot base) {
            System.out.printf("  %-36s heap %,6d MB (state %+,6d MB), RSS %,6d MB, RocksDB files %,6d MB%n", when,
                    heap >> 20, (heap - base.heap) >> 20, rss >> 20, rocksDisk >> 20);
        }
    }

    /**
     * Waits until the source stops at its next gate, lets the pipeline drain, measures (with the
     * live-class histogram if {@code histogram > 0}), and releases it.
     */
    private static Snapshot atGate(JobClient job, int settleSeconds, Path rocksDir, int histogram) throws Exception {
        long t0 = System.nanoTime();
        while (!REACHED.tryAcquire(1, TimeUnit.SECONDS)) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                throw new IllegalStateException("the job ended before the source reached the next gate: "
                        + job.getJobStatus().get());
            }
        }
        long reached = System.nanoTime();
        // The operators after the source may still work through buffered events and timers: measure
        // until the heap after GC stops changing (within 1 %), at most a minute.
        Thread.sleep(settleSeconds * 1000L);
        long heap = heapAfterGc();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(2_000);
            long again = heapAfterGc();
            boolean stable = Math.abs(again - heap) < heap / 100;
            heap = again;
            if (stable) {
                break;
            }
        }
        Snapshot s = new Snapshot(heap, rss(), size(rocksDir));
        System.out.printf("  (source reached the gate after %.1f s; measured %.1f s later)%n", (reached - t0) / 1e9,
                (System.nanoTime() - reached) / 1e9);
        if (histogram > 0) {
            printHistogram(histogram);
        }
        RELEASED.release();
        return s;
    }

    /** The classes with most live bytes (jcmd GC.class_histogram): what the open processes' state is made of. */
    private static void printHistogram(int lines) throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        text.lines().limit(lines + 2L).forEach(l -> System.out.println("    " + l));
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /** Bytes of the files under the directory; RocksDB deletes files meanwhile, which count as gone. */
    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] bytes = new long[1];
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                bytes[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    /**
     * Event {@code i} of the script: process {@code k} starts, loads bcrypt.dll and connects to a public
     * address (events 3k..3k+2), then all processes end, then benign events two hours later. Stops at the gates.
     */
    static final class Script implements MapFunction<Long, Event> {
        private static final long serialVersionUID = 1L;
        private final long processes;
        private final int repeat;

        /** {@code repeat} copies of every event in a row: a record delivered again, same id and time. */
        Script(long processes, int repeat) {
            this.processes = processes;
            this.repeat = repeat;
        }

        @Override
        public Event map(Long index) throws InterruptedException {
            long i = index / repeat;
            long opens = processes * EVENTS_PER_OPEN;
            if (index % repeat == 0 && (i == 0 || i == opens || i == opens + processes + TICKS)) {
                REACHED.release();
                RELEASED.acquire();
            }
            if (i < opens) {
                long k = i / EVENTS_PER_OPEN;
                Event e = process(k, T0 + i * OPEN_SPAN_MS / opens, "s" + i);
                switch ((int) (i % EVENTS_PER_OPEN)) {
                    case 0 -> start(e);
                    case 1 -> load(e, "bcrypt.dll");
                    default -> connect(e, k);
                }
                return e;
            }
            if (i < opens + processes) {
                long k = i - opens;
                Event e = process(k, T0 + OPEN_SPAN_MS + k * END_SPAN_MS / processes, "s" + i);
                e.action = "process_end";
                e.category = "process";
                e.code = "5";
                return e;
            }
            Event later = process(processes, T0 + LATER_MS + (i - opens - processes) * 1_000, "s" + i);
            load(later, "ntdll.dll");
            return later;
        }

        private static Event process(long k, long time, String id) {
            Event e = new Event();
            e.timestamp = time;
            e.id = id;
            e.dataset = "sysmon";
            e.provider = "Microsoft-Windows-Sysmon";
            e.hostName = "WS" + (k % HOSTS);
            e.userName = "CORP\\user";
            e.processEntityId = "{" + k + "}";
            e.processPid = 4 * (k % 10_000);
            e.processExecutable = "C:\\Users\\Public\\update.exe";
            e.processName = "update.exe";
            return e;
        }

        private static void start(Event e) {
            e.action = "process_start";
            e.category = "process";
            e.code = "1";
            e.processStart = e.timestamp;
            e.processCommandLine = "\"C:\\Users\\Public\\update.exe\"";
        }

        private static void load(Event e, String dll) {
            e.action = "library_load";
            e.category = "library";
            e.code = "7";
            e.dllPath = "C:\\Windows\\System32\\" + dll;
            e.dllName = dll;
            e.dllSigned = true;
            e.dllSignatureStatus = "Valid";
        }

        private static void connect(Event e, long k) {
            e.action = "network_connection";
            e.category = "network";
            e.code = "3";
            e.outcome = "success";
            e.networkDirection = "outbound";
            e.networkTransport = "tcp";
            e.sourceIp = "10.1." + (k % 250) + ".10";
            e.sourcePort = 49_152 + (int) (k % 16_000);
            e.destinationIp = "52." + (k >> 16 & 255) + "." + (k >> 8 & 255) + "." + (1 + k % 254);
            e.destinationPort = 443;
        }
    }

    /**
     * A watermark as soon as event time has moved a second on, so the late event at the end moves it at
     * once (not on a periodic timer); one per event would cost more than the events.
     */
    private static final class EverySecond implements WatermarkGenerator<Event> {
        private long emitted = Long.MIN_VALUE;

        @Override
        public void onEvent(Event e, long eventTimestamp, WatermarkOutput output) {
            // The first test: MIN_VALUE subtracted from a timestamp would overflow.
            if (emitted == Long.MIN_VALUE || eventTimestamp - emitted >= 1_000) {
                emitted = eventTimestamp - 1;
                output.emitWatermark(new Watermark(emitted));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Punctuated: every event already moved the watermark.
        }
    }
}
