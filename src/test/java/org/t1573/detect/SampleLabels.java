package org.t1573.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.RunResult;

/**
 * Compares a run's alerts with a {@code labels.csv}: both sides become "analytic key", where the
 * key names the process or flow the way the platform's labels do (by default the process entity
 * id: macOS {@code <bootUUID>/<pid>}, ESXi {@code <host>/<daemon>}).
 */
final class SampleLabels {

    private SampleLabels() {}

    /** "analytic entity-id" of every created alert. */
    static Set<String> raised(RunResult r) {
        return raised(r, a -> a.process().entityId());
    }

    /** "analytic key" of every created alert. */
    static Set<String> raised(RunResult r, Function<Alert, String> key) {
        return alerts(r).stream().filter(a -> a.activity().equals("create"))
                .map(a -> a.analytic().id() + " " + key.apply(a))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Alert> alerts(RunResult r) {
        return r.alerts().stream().map(AlertJson::read).toList();
    }

    /** "analytic process" for every analytic in the expected_alerts column of every row. */
    static Set<String> expected(Path labels) throws IOException {
        return expected(labels, row -> row[2]);
    }

    /** "analytic key" for every analytic in the expected_alerts column of every row (split on commas). */
    static Set<String> expected(Path labels, Function<String[], String> key) throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(labels);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            for (String analytic : f[7].trim().split(" ")) {
                if (!analytic.isEmpty()) {
                    out.add(analytic + " " + key.apply(f));
                }
            }
        }
        return out;
    }
}
