package org.t1573.backtest;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.t1573.alert.Alert;

/**
 * Who talked to whom, for an alert's heading and table row: the source (host name, else the
 * address a network alert names), the process when one is known (host alerts, joined sessions),
 * and the destinations with their ports.
 */
final class AlertTitle {
    private AlertTitle() {}

    static String of(Alert a) {
        String process = process(a);
        return a.analytic().id() + " " + source(a) + (process.isEmpty() ? "" : " " + process) + " \u2192 "
                + destinations(a);
    }

    /** Host name, else host address, else "-". */
    static String source(Alert a) {
        if (a.host() == null) {
            return "-";
        }
        return a.host().name() != null ? a.host().name() : a.host().ip() != null ? a.host().ip() : "-";
    }

    /**
     * "powershell.exe {guid}"; for a network alert without one, the processes a host sensor
     * attributed its evidence sessions to (session join), "" when nothing names one.
     */
    static String process(Alert a) {
        String ref = ProcessRef.of(a);
        String name = a.process() == null || a.process().name() == null ? "" : a.process().name();
        String own = (name + " " + ref).trim();
        if (!own.isEmpty() || a.evidence() == null) {
            return own;
        }
        Set<String> joined = new TreeSet<>();
        a.evidence().stream().map(Alert.Evidence::networkEvidence)
                .filter(n -> n != null && (n.processName() != null || n.processPid() != null))
                .forEach(n -> joined.add((Objects.toString(n.processName(), "") + " "
                        + (n.processPid() == null ? "" : "pid " + n.processPid())).trim()));
        return String.join(", ", joined);
    }

    /** The first destination ("name (ip:port)" or "ip:port"), and how many more. */
    static String destinations(Alert a) {
        List<Alert.Destination> ds = a.destinations() == null ? List.of() : a.destinations();
        if (ds.isEmpty()) {
            return "no destination";
        }
        String first = destination(ds.get(0));
        return ds.size() == 1 ? first : first + " and " + (ds.size() - 1) + " more";
    }

    static String destination(Alert.Destination d) {
        String address = d.ip() + (d.port() == null ? "" : ":" + d.port());
        return d.domain() == null ? address : d.domain() + " (" + address + ")";
    }
}
