package org.t1573.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Parameters that set one stage of the whole job, not of one pattern: the beacon window keeps one
 * window per pair, so every pattern that declares one of these must give it the same value. A
 * pattern that disagrees is an error at its parameter's line.
 */
public final class JobWideParameters {
    public static final String BEACON_WINDOW = "BeaconWindow";
    /** Zeek connection states whose records are no session of their own (OTH: midstream). */
    public static final String BEACON_IGNORED_STATES = "BeaconIgnoredConnectionStates";
    /** Transports that carry no sessions for beaconing (icmp: echo monitoring). */
    public static final String BEACON_IGNORED_TRANSPORTS = "BeaconIgnoredTransports";
    public static final Set<String> NAMES = Set.of(BEACON_WINDOW, BEACON_IGNORED_STATES, BEACON_IGNORED_TRANSPORTS);

    private JobWideParameters() {}

    /** The disagreements among the patterns, one error per pattern and parameter that differs from the first. */
    static List<PatternError> disagreements(List<CompiledPattern> patterns) {
        List<PatternError> errors = new ArrayList<>();
        for (String name : NAMES) {
            CompiledPattern first = null;
            for (CompiledPattern p : patterns) {
                if (!p.parameters().has(name)) {
                    continue;
                }
                if (first == null) {
                    first = p;
                } else if (!Objects.equals(first.parameters().get(name), p.parameters().get(name))) {
                    errors.add(new PatternError(p.definition().file(), p.parameters().specs().get(name).line(),
                            "parameter " + name + " is " + p.parameters().get(name) + " here but "
                                    + first.parameters().get(name) + " in " + first.id()
                                    + ": the job runs one such stage for all patterns"));
                }
            }
        }
        return errors;
    }
}
