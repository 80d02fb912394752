package org.t1573.job;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.backtest.EventTimeRange;
import org.t1573.ingest.EventTime;
import org.t1573.ingest.HostClocks;
import org.t1573.ingest.RunCounters;
import org.t1573.pattern.ChangedParameters;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternSet;

/** The short, readable report printed after a run. */
public final class RunSummary {
    private RunSummary() {}

    public static void print(RunResult r, PatternSet patterns, JobOptions options, PrintStream out) {
        out.println("Run summary");
        out.printf("  patterns: %d loaded from %s%n", patterns.patterns().size(), options.patterns());
        ChangedParameters.describe(patterns).forEach(line -> out.println("  --set " + line));
        Set<String> skipped = PlatformScope.skipped(patterns, options.inputs().stream().map(InputSpec::channel).toList());
        if (!skipped.isEmpty()) {
            out.printf("  not run, no input of their platform: %s%n", String.join(", ", skipped));
        }
        Map<String, Long> c = r.counters();
        for (String key : c.keySet()) {
            if (key.startsWith(RunCounters.RECORDS)) {
                String channel = key.substring(RunCounters.RECORDS.length());
                long records = c.get(key);
                long events = c.getOrDefault(RunCounters.EVENTS + channel, 0L);
                long ignored = c.getOrDefault(RunCounters.IGNORED + channel, 0L);
                long dead = c.getOrDefault(RunCounters.DEAD_LETTERS + channel, 0L);
                long unaccounted = records - events - ignored - dead;
                out.printf("  source %-10s records %,d = events %,d + ignored %,d + dead letters %,d%s%n", channel,
                        records, events, ignored, dead,
                        unaccounted == 0 ? "" : String.format(" (%,d not accounted for: a parser bug)", unaccounted));
            }
        }
        for (String key : c.keySet()) {
            if (key.startsWith(RunCounters.IGNORED_BY_REASON)) {
                out.printf("    ignored: %s: %,d%n", key.substring(RunCounters.IGNORED_BY_REASON.length()), c.get(key));
            }
        }
        if (c.containsKey(EventTimeRange.OUT_OF_RANGE)) {
            out.printf("  outside --from/--to: %,d events%n", c.get(EventTimeRange.OUT_OF_RANGE));
        }
        out.printf("  dead letters: %,d (of which late events: %,d, future events: %,d, pre-epoch events: %,d)"
                + " -> %s%n",
                r.deadLetters().size(), withReason(r, "late:"), withReason(r, "future:"), withReason(r, "pre-epoch:"),
                options.out().resolve("dead-letters.jsonl"));
        for (String key : c.keySet()) {
            if (key.startsWith(RunCounters.SKEW_COUNT)) {
                String what = key.substring(RunCounters.SKEW_COUNT.length());
                long n = c.get(key);
                double hours = c.getOrDefault(RunCounters.SKEW_MILLIS + what, 0L) / (double) n / 3_600_000.0;
                out.printf("  clock skew: %s: %,d events whose sensor time is %.2f h off the host's "
                        + "collector offset%s%n", what, n, -hours, options.eventTime() == EventTime.SENSOR
                                ? " (consider --event-time auto)" : " (--event-time " + options.eventTime().name()
                                        .toLowerCase(Locale.ROOT) + ")");
            }
        }
        for (String key : c.keySet()) {
            if (key.startsWith(RunCounters.RETIMED)) {
                out.printf("  event time: %s: %,d events put on the host's write clock (their sensor time disagrees "
                        + "with the host's other codes by more than %d ms)%n", key.substring(RunCounters.RETIMED.length()),
                        c.get(key), HostClocks.AUTO_TOLERANCE_MS);
            }
        }
        Map<String, int[]> perAnalytic = new TreeMap<>();
        for (CompiledPattern p : patterns.patterns()) {
            perAnalytic.put(p.id(), new int[2]);
        }
        for (String json : r.alerts()) {
            Alert a = AlertJson.read(json);
            perAnalytic.computeIfAbsent(a.analytic().id(), k -> new int[2])["create".equals(a.activity()) ? 0 : 1]++;
        }
        out.printf("  alerts: %,d (%,d lines with updates) -> %s%n",
                perAnalytic.values().stream().mapToInt(v -> v[0]).sum(), r.alerts().size(),
                options.out().resolve("alerts.jsonl"));
        perAnalytic.forEach((id, v) -> out.printf("    %-22s %4d alerts, %4d updates%n", id, v[0], v[1]));
    }

    private static long withReason(RunResult r, String prefix) {
        String field = "\"reason\":\"" + prefix;
        return r.deadLetters().stream().filter(d -> d.contains(field)).count();
    }
}
