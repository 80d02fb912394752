package org.t1573.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.t1573.alert.Alert;

/**
 * The alerts the clean-baseline gate accepts on benign material ({@code patterns/known-false-positives.csv},
 * columns analytic,host,process,destination,reason): an empty host, process or destination matches any, and
 * a host matches an alert that names none (network alerts).
 */
public final class KnownFalsePositives {
    public static final List<String> HEADER = List.of("analytic", "host", "process", "destination", "reason");

    /** One accepted false positive. */
    public record Entry(int line, String analytic, String host, String process, String destination, String reason) {

        boolean matches(Alert a) {
            return analytic.equals(a.analytic().id())
                    && (host.isEmpty() || a.host() == null || a.host().name() == null
                            || host.equalsIgnoreCase(a.host().name()))
                    && (process.isEmpty() || ProcessRef.matches(process, a))
                    && (destination.isEmpty() || Label.hasDestination(a, destination));
        }
    }

    private final List<Entry> entries;

    private KnownFalsePositives(List<Entry> entries) {
        this.entries = entries;
    }

    public static KnownFalsePositives read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Csv.Row r : Csv.read(file, HEADER)) {
            if (r.get(0).isEmpty() || r.get(4).isEmpty()) {
                throw new IllegalArgumentException(file + ":" + r.line() + ": analytic and reason are required");
            }
            entries.add(new Entry(r.line(), r.get(0), r.get(1), ProcessRef.normalize(r.get(2)), r.get(3), r.get(4)));
        }
        return new KnownFalsePositives(entries);
    }

    public boolean lists(Alert a) {
        return entries.stream().anyMatch(e -> e.matches(a));
    }

    /**
     * The alerts that fail the gate: neither on a malicious label row (those are the samples'
     * attacks, not baseline) nor listed here.
     */
    public List<Alert> unlisted(List<Alert> alerts, List<Label> labels) {
        return alerts.stream()
                .filter(a -> labels.stream().noneMatch(l -> l.malicious() && l.matches(a)))
                .filter(a -> !lists(a)).toList();
    }
}
