package org.t1573.pattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.t1573.event.Event;

/** Binds a {@link PatternDefinition} to parameter values, reporting every problem with its line. */
public final class PatternCompiler {
    private PatternCompiler() {}

    public static CompiledPattern compile(PatternDefinition def, ParameterValues values) throws PatternLoadException {
        List<PatternError> errors = new ArrayList<>();
        ConditionCompiler<Event> events =
                new ConditionCompiler<>(EventFieldResolver.INSTANCE, values, def.file(), errors);
        ConditionCompiler<AggregateView> aggregates =
                new ConditionCompiler<>(AggregateFields.INSTANCE, values, def.file(), errors);

        List<Condition<Event>> steps = new ArrayList<>();
        for (StepDefinition s : def.sequence()) {
            Condition<Event> where = events.compile(s.where());
            Condition<Event> unless = s.unless() == null ? null : events.compile(s.unless());
            steps.add(unless == null ? where : e -> where.test(e) && !unless.test(e));
        }
        // The loader has reported unknown group-by fields with their line.
        List<FieldAccess<Event>> groupBy = new ArrayList<>();
        for (String f : def.groupBy()) {
            FieldAccess<Event> access = EventFieldResolver.INSTANCE.resolve(f);
            if (access != null) {
                groupBy.add(access);
            }
        }
        Duration window = duration("timespan", def.timespan(), def.timespanLine(), def, values, errors);
        Duration suppression = duration("suppress-for", def.suppressFor(), def.suppressForLine(), def, values, errors);
        Condition<Event> endsOn = def.endsOn() == null ? null : events.compile(def.endsOn());
        Condition<Event> strong = def.strongEvidence() == null ? null : events.compile(def.strongEvidence());
        Condition<Event> context = def.context() == null ? null : events.compile(def.context());
        Condition<AggregateView> condition =
                def.condition() == null ? Condition.always() : aggregates.compile(def.condition());
        List<CompiledPattern.CompiledScoreRule> rules = new ArrayList<>();
        for (ScoreRule r : def.scoreRules()) {
            rules.add(new CompiledPattern.CompiledScoreRule(aggregates.compile(r.when()), r.points(), r.reason()));
        }
        if (steps.size() > 31) {
            errors.add(new PatternError(def.file(), 0, "a sequence has at most 31 steps"));
        }
        if (!errors.isEmpty()) {
            // By line: a parameter's errors come from the tests that use it, further down.
            errors.sort(Comparator.comparingInt(PatternError::line));
            throw new PatternLoadException(errors);
        }
        return new CompiledPattern(def, values, steps, endsOn, context, strong, groupBy, window, suppression, condition,
                rules);
    }

    /** The duration {@code key} names (literal or {@code $Parameter}); null when absent or wrong. */
    private static Duration duration(String key, String text, int line, PatternDefinition def, ParameterValues values,
            List<PatternError> errors) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("$")) {
            String name = text.substring(1);
            Object v = values.has(name) ? values.get(name) : null;
            if (!(v instanceof Duration)) {
                errors.add(new PatternError(def.file(), line, key + " " + text + " must name a duration parameter"));
                return null;
            }
            // The parameter's line: its default or a --set value made the duration.
            return positive((Duration) v, def.file(), values.specs().get(name).line(),
                    "parameter " + name + " is the " + key + " and", errors);
        }
        try {
            return positive(Durations.parse(text), def.file(), line, key + " " + text, errors);
        } catch (IllegalArgumentException e) {
            errors.add(new PatternError(def.file(), line, key + ": " + e.getMessage()));
            return null;
        }
    }

    /** The window, or null after an error: a window of zero alerts on every event instead of once per window. */
    private static Duration positive(Duration window, String file, int line, String what, List<PatternError> errors) {
        if (window.compareTo(Duration.ZERO) > 0) {
            return window;
        }
        errors.add(new PatternError(file, line, what + " must be longer than zero"));
        return null;
    }
}
