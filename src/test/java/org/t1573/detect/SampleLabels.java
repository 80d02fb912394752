package org.t1573.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.RunResult;

/**
 * Compares a run's alerts with a {@code labels.csv} whose process column is the process entity id
 * (macOS {@code <bootUUID>/<pid>}, ESXi {@code <host>/<daemon>}).
 */
final class SampleLabels {

    private SampleLabels() {}

    /** "analytic entity-id" of every created alert. */
    static Set<String> raised(RunResult r) {
        return alerts(r).stream().filter(a -> a.activity().equals("create"))
                .map(a -> a.analytic().id() + " " + a.process().entityId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Alert> alerts(RunResult r) {
        return r.alerts().stream().map(AlertJson::read).toList();
    }

    /** "analytic entity-id" for every analytic in the expected_alerts column of every row. */
    static Set<String> expected(Path labels) throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(labels);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            for (String analytic : f[7].trim().split(" ")) {
                if (!analytic.isEmpty()) {
                    out.add(analytic + " " + f[2]);
                }
            }
        }
        return out;
    }
}
