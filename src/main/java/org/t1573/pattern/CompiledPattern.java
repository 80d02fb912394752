package org.t1573.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.t1573.event.Event;

/**
 * A pattern bound to parameter values: the step predicates the select stage evaluates, the key,
 * the window, and the alert condition and score over aggregates. Plain Java, no Flink types.
 */
public final class CompiledPattern implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Defaults of the seed query's {@code BeaconLikely} rule, used when a pattern does not declare them. */
    static final double DEFAULT_BEACON_MIN_CONNECTIONS = 5;
    static final double DEFAULT_BEACON_MIN_INTERVAL_SECONDS = 30;
    static final double DEFAULT_BEACON_MAX_INTERVAL_SECONDS = 3600;

    private static final char KEY_SEPARATOR = '\u001f';

    private final PatternDefinition definition;
    private final ParameterValues parameters;
    private final List<Condition<Event>> steps;
    private final Condition<Event> endsOn;
    private final Condition<Event> context;
    private final Condition<Event> strongEvidence;
    private final List<FieldAccess<Event>> groupBy;
    private final Duration window;
    private final Duration suppression;
    private final int overStep;
    private final Condition<AggregateView> alertCondition;
    private final List<CompiledScoreRule> scoreRules;

    /** A score rule whose condition is compiled. */
    public record CompiledScoreRule(Condition<AggregateView> when, double points, String reason)
            implements Serializable {}

    CompiledPattern(PatternDefinition definition, ParameterValues parameters, List<Condition<Event>> steps,
            Condition<Event> endsOn, Condition<Event> context, Condition<Event> strongEvidence,
            List<FieldAccess<Event>> groupBy, Duration window, Duration suppression,
            Condition<AggregateView> alertCondition, List<CompiledScoreRule> scoreRules) {
        this.definition = definition;
        this.parameters = parameters;
        this.steps = List.copyOf(steps);
        this.endsOn = endsOn;
        this.context = context;
        this.strongEvidence = strongEvidence;
        this.groupBy = List.copyOf(groupBy);
        this.window = window;
        this.suppression = suppression;
        this.alertCondition = alertCondition;
        this.scoreRules = List.copyOf(scoreRules);
        int over = 0;
        for (int i = 0; i < definition.sequence().size(); i++) {
            if (definition.sequence().get(i).name().equals(definition.aggregateOver())) {
                over = i;
            }
        }
        this.overStep = over;
    }

    public PatternDefinition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    public ParameterValues parameters() {
        return parameters;
    }

    public int stepCount() {
        return steps.size();
    }

    public String stepName(int i) {
        return definition.sequence().get(i).name();
    }

    /** Whether step i is an absence: no such event may follow within the timespan. */
    public boolean stepAbsent(int i) {
        return definition.sequence().get(i).absent();
    }

    /** Whether the event satisfies step i (its where, and none of its unless filters). */
    public boolean matchesStep(int i, Event e) {
        return steps.get(i).test(e);
    }

    /** A bit per step the event satisfies; 0 when none. Patterns have at most 31 steps. */
    public int stepMask(Event e) {
        int mask = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).test(e)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** Whether the event ends its key's life (e.g. the process exited). */
    public boolean endsKey(Event e) {
        return endsOn != null && endsOn.test(e);
    }

    /** Whether a session of the aggregated step is evidence enough alone ({@code aggregate.strong}). */
    public boolean strongEvidence(Event session) {
        return strongEvidence != null && strongEvidence.test(session);
    }

    public boolean hasStrongEvidence() {
        return strongEvidence != null;
    }

    /** Whether the event describes its key for the alerts (the pattern's {@code context}). */
    public boolean describesKey(Event e) {
        return context != null && context.test(e);
    }

    public boolean hasEndsOn() {
        return endsOn != null;
    }

    /** The group-by key of an event, or null when one of the group-by fields is missing. */
    public String key(Event e) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < groupBy.size(); i++) {
            Object v = groupBy.get(i).get(e);
            if (v == null) {
                return null;
            }
            if (i > 0) {
                sb.append(KEY_SEPARATOR);
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /** The sequence window ({@code timespan}); null for a single-step pattern without one. */
    public Duration window() {
        return window;
    }

    /**
     * How long after an alert is created later windows of its key continue it ({@code suppress-for});
     * null when every window may raise its own alert.
     */
    public Duration suppression() {
        return suppression;
    }

    /** Index of the step whose events are the sessions that aggregates count. */
    public int overStep() {
        return overStep;
    }

    public boolean alertConditionHolds(AggregateView view) {
        return alertCondition.test(view);
    }

    public List<CompiledScoreRule> scoreRules() {
        return scoreRules;
    }

    public double beaconMinConnections() {
        return number("BeaconMinConnections", DEFAULT_BEACON_MIN_CONNECTIONS);
    }

    public double beaconMinIntervalSeconds() {
        return number("BeaconMinIntervalSeconds", DEFAULT_BEACON_MIN_INTERVAL_SECONDS);
    }

    public double beaconMaxIntervalSeconds() {
        return number("BeaconMaxIntervalSeconds", DEFAULT_BEACON_MAX_INTERVAL_SECONDS);
    }

    private double number(String name, double fallback) {
        Object v = parameters.has(name) ? parameters.get(name) : null;
        return v instanceof Number ? ((Number) v).doubleValue() : fallback;
    }
}
