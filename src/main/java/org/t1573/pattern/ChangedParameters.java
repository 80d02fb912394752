package org.t1573.pattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effective values of the parameters a run's overrides changed, one line per change and the
 * patterns it applies to, so that what {@code --set Name+=...} did is visible: for lists the
 * items added and removed against the pattern's default, for other values the value and default.
 */
public final class ChangedParameters {
    /** Items of a list change shown by name; the rest are counted. */
    static final int ITEMS_SHOWN = 10;

    private ChangedParameters() {}

    /** Lines such as {@code AllowedCryptoProcesses (AN0400): 45 items (default 44), added: site.exe}. */
    public static List<String> describe(PatternSet set) {
        Map<String, List<String>> patternsByChange = new LinkedHashMap<>();
        for (CompiledPattern p : set.patterns()) {
            ParameterValues values = p.parameters();
            values.specs().forEach((name, spec) -> {
                Object value = values.get(name);
                if (!Objects.equals(value, spec.defaultValue())) {
                    patternsByChange.computeIfAbsent(name + "\t" + change(value, spec.defaultValue()),
                            k -> new ArrayList<>()).add(p.id());
                }
            });
        }
        List<String> out = new ArrayList<>();
        patternsByChange.forEach((key, ids) -> {
            String[] nameAndChange = key.split("\t", 2);
            out.add(nameAndChange[0] + " (" + String.join(", ", ids) + "): " + nameAndChange[1]);
        });
        return out;
    }

    private static String change(Object value, Object defaultValue) {
        if (value instanceof List<?> now && defaultValue instanceof List<?> before) {
            List<Object> added = new ArrayList<>(now);
            added.removeAll(before);
            List<Object> removed = new ArrayList<>(before);
            removed.removeAll(now);
            String text = now.size() + " items (default " + before.size() + ")";
            if (!added.isEmpty()) {
                text += ", added " + items(added);
            }
            if (!removed.isEmpty()) {
                text += ", removed " + items(removed);
            }
            return text;
        }
        return text(value) + " (default " + text(defaultValue) + ")";
    }

    private static String items(List<Object> items) {
        List<String> shown = items.stream().limit(ITEMS_SHOWN).map(String::valueOf).toList();
        return items.size() + ": " + String.join(", ", shown)
                + (items.size() > ITEMS_SHOWN ? " and " + (items.size() - ITEMS_SHOWN) + " more" : "");
    }

    private static String text(Object v) {
        if (v instanceof Duration d) {
            return Durations.format(d);
        }
        if (v instanceof Double n && n == Math.rint(n)) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(v);
    }
}
