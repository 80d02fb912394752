package org.t1573.backtest;

import java.time.Instant;
import java.util.Set;
import org.t1573.alert.Alert;

/**
 * One row of a labels file: what happened on a host (a process, a destination or both) within a
 * time range, whether it is malicious, and which analytics are expected to alert on it.
 *
 * @param line the row's line in the file, so reports can point at it
 * @param process ProcessGuid / entity id or {@code pid@start}; "" when the row names a destination only
 * @param destination {@code ip[:port]}; "" when not relevant
 */
public record Label(int line, String scenario, String host, String process, String destination, Instant from,
        Instant to, boolean malicious, Set<String> expectedAlerts, String description) {

    /**
     * Same host, same process, first seen within [from, to]. Network alerts name neither host nor
     * process: for them (and for rows without a process) the destination decides.
     */
    public boolean matches(Alert a) {
        String alertHost = a.host() == null ? null : a.host().name();
        if (!host.isEmpty() && alertHost != null && !host.equalsIgnoreCase(alertHost)) {
            return false;
        }
        String ref = ProcessRef.of(a);
        boolean same = !process.isEmpty() && !ref.isEmpty() ? ProcessRef.matches(process, a)
                : !destination.isEmpty() && hasDestination(a, destination);
        if (!same) {
            return false;
        }
        Instant seen = Instant.parse(a.firstSeen());
        // Label times are written to the second: the whole last second is inside.
        return !seen.isBefore(from) && seen.isBefore(to.plusSeconds(1));
    }

    /** Whether one of the alert's destinations is {@code destination}, {@code ip} or {@code ip:port}. */
    static boolean hasDestination(Alert a, String destination) {
        return a.destinations() != null && a.destinations().stream()
                .anyMatch(d -> destination.equals(d.ip()) || destination.equals(d.ip() + ":" + d.port()));
    }
}
