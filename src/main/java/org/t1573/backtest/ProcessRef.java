package org.t1573.backtest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.t1573.alert.Alert;

/**
 * How labels name a process: its entity id (Sysmon ProcessGuid), {@code pid@start} where the
 * source has no entity id (Defender), or the pid alone. Start times compare at millisecond precision, the precision
 * of alert times.
 */
public final class ProcessRef {
    private ProcessRef() {}

    /** The alert's process in label form, or "" when the alert names none. */
    public static String of(Alert a) {
        List<String> names = names(a);
        return names.isEmpty() ? "" : names.get(0);
    }

    /** Whether a label's (normalised) process value names the alert's process. */
    public static boolean matches(String labelProcess, Alert a) {
        return names(a).contains(labelProcess);
    }

    /**
     * Every way a label may name the alert's process, most specific first: entity id, pid@start,
     * and the bare pid (sources that log neither, e.g. auditd).
     */
    static List<String> names(Alert a) {
        Alert.ProcessInfo p = a.process();
        List<String> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        if (p.entityId() != null) {
            out.add(p.entityId());
        }
        if (p.pid() != null && p.start() != null) {
            out.add(normalize(p.pid() + "@" + p.start()));
        }
        if (p.pid() != null) {
            out.add(String.valueOf(p.pid()));
        }
        return out;
    }

    /** A label's process value, with a {@code pid@start} start time cut to milliseconds. */
    public static String normalize(String process) {
        int at = process.indexOf('@');
        if (at <= 0) {
            return process.trim();
        }
        String start = process.substring(at + 1).trim();
        try {
            start = Instant.parse(start).truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException e) {
            // Not a time: compare the text as written.
        }
        return process.substring(0, at).trim() + "@" + start;
    }
}
