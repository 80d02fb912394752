package org.t1573.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A parameter change sent to a running job: {@code PatternId.Name=value} for one pattern, or
 * {@code Name=value} for every pattern that declares it (the command line's {@code --set}
 * syntax). A rejected update carries the reason.
 */
public class ParameterUpdate {
    /** The pattern id, or {@link #ALL_PATTERNS}. */
    public String patternId;
    public String name;
    public String value;
    /** Where the update came from (file:line, topic/partition@offset). */
    public String origin;
    /** Set when the update was rejected. */
    public String rejectedBecause;

    public static final String ALL_PATTERNS = "*";

    public ParameterUpdate() {}

    public ParameterUpdate(String patternId, String name, String value, String origin) {
        this.patternId = patternId;
        this.name = name;
        this.value = value;
        this.origin = origin;
    }

    /** The state key: {@code PatternId.Name} or {@code *.Name}. */
    public String key() {
        return patternId + "." + name;
    }

    /**
     * Reads one line of an update file or message: {@code [PatternId.]Name=value}; blank lines and
     * {@code #} comments give nothing. A line without {@code =} is returned as a rejected update.
     */
    public static List<ParameterUpdate> parse(String line, String origin) {
        List<ParameterUpdate> out = new ArrayList<>();
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return out;
        }
        int eq = text.indexOf('=');
        if (eq <= 0) {
            ParameterUpdate bad = new ParameterUpdate(ALL_PATTERNS, text, "", origin);
            bad.rejectedBecause = "not an update: expected [PatternId.]Name=value";
            out.add(bad);
            return out;
        }
        String target = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        int dot = target.lastIndexOf('.');
        ParameterUpdate update = dot > 0
                ? new ParameterUpdate(target.substring(0, dot), target.substring(dot + 1), value, origin)
                : new ParameterUpdate(ALL_PATTERNS, target, value, origin);
        if (target.endsWith("+") || target.endsWith("-")) {
            // Broadcast state keeps one value per parameter, restored over the defaults: a whole value.
            update.rejectedBecause = "+= and -= are --set operations; a live update gives the whole value: "
                    + "[PatternId.]Name=value";
        }
        out.add(update);
        return out;
    }

    @Override
    public String toString() {
        return key() + "=" + value + (rejectedBecause == null ? "" : " (rejected: " + rejectedBecause + ")");
    }
}
