package org.t1573.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the {@code --set} overrides of a run to each pattern's defaults, and afterwards reports
 * the overrides that had no effect anywhere: a name no loaded pattern declares (with the closest
 * names), or a removed item that no list it names held.
 */
final class RunOverrides {
    private final List<ParameterOverride> overrides;
    private final boolean[] used;
    /** Per removal, the items no list held so far; null until the removal first applies. */
    private final List<Set<String>> neverHeld = new ArrayList<>();
    private final Set<String> knownNames = new TreeSet<>();

    RunOverrides(List<ParameterOverride> overrides) {
        // Overrides for every pattern first, then PatternId.Name ones, so the specific one wins
        // whatever the order given; within each group, in the order given (a += then a -=).
        this.overrides = overrides.stream().sorted(Comparator.comparing(ParameterOverride::isForOnePattern)).toList();
        this.used = new boolean[overrides.size()];
        this.overrides.forEach(o -> neverHeld.add(null));
    }

    /** The pattern's parameter values with every override for it applied; errors name the pattern file and line. */
    ParameterValues apply(PatternDefinition d, List<PatternError> errors) {
        d.parameters().keySet().forEach(name -> {
            knownNames.add(name);
            knownNames.add(d.id() + "." + name);
        });
        ParameterValues values = ParameterValues.defaults(d.parameters());
        for (int i = 0; i < overrides.size(); i++) {
            ParameterOverride o = overrides.get(i);
            String name = o.nameIn(d.id());
            if (name == null || !values.has(name)) {
                continue;
            }
            used[i] = true;
            try {
                if (o.operation() == ParameterOverride.Operation.REMOVE) {
                    List<String> absent = values.absentItems(name, o.value());
                    if (neverHeld.get(i) == null) {
                        neverHeld.set(i, new LinkedHashSet<>(absent));
                    } else {
                        neverHeld.get(i).retainAll(absent);
                    }
                }
                values = values.with(name, o.operation(), o.value());
            } catch (IllegalArgumentException e) {
                errors.add(new PatternError(d.file(), d.parameters().get(name).line(), "--set " + o + ": " + e.getMessage()));
            }
        }
        return values;
    }

    /** The overrides that changed nothing in any pattern, as errors; call after {@link #apply} for every pattern. */
    void reportUnused(List<PatternError> errors) {
        for (int i = 0; i < overrides.size(); i++) {
            ParameterOverride o = overrides.get(i);
            if (!used[i]) {
                errors.add(new PatternError("--set", 0, "no loaded pattern has a parameter " + o.target()
                        + ClosestNames.suggestion(o.target(), knownNames)));
            } else if (neverHeld.get(i) != null && !neverHeld.get(i).isEmpty()) {
                errors.add(new PatternError("--set", 0, o + ": " + String.join(", ", neverHeld.get(i)) + " is in no "
                        + o.target() + " list, so there is nothing to remove (items are compared as written)"));
            }
        }
    }
}
