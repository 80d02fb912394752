package org.t1573.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bound values of a pattern's parameters: defaults, then any overrides of the run. */
public final class ParameterValues implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> values;

    private ParameterValues(Map<String, ParameterSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** The defaults of the given specs. */
    public static ParameterValues defaults(Map<String, ParameterSpec> specs) {
        Map<String, Object> v = new LinkedHashMap<>();
        specs.forEach((name, spec) -> v.put(name, spec.defaultValue()));
        return new ParameterValues(Collections.unmodifiableMap(new LinkedHashMap<>(specs)), v);
    }

    /** A copy with one value replaced, parsed from text as given on the command line. */
    public ParameterValues with(String name, String text) {
        return with(name, ParameterOverride.Operation.REPLACE, text);
    }

    /**
     * A copy with one override applied: the value replaced, or items added to (those not already
     * in it) or removed from a list. IllegalArgumentException when the text does not fit, or for
     * an addition or removal on a parameter that is not a list.
     */
    public ParameterValues with(String name, ParameterOverride.Operation op, String text) {
        ParameterSpec spec = spec(name);
        Map<String, Object> v = new LinkedHashMap<>(values);
        switch (op) {
            case ADD -> {
                List<String> items = new ArrayList<>(list(name));
                parseList(text).stream().filter(i -> !items.contains(i)).forEach(items::add);
                v.put(name, List.copyOf(items));
            }
            case REMOVE -> {
                List<String> items = new ArrayList<>(list(name));
                items.removeAll(parseList(text));
                v.put(name, List.copyOf(items));
            }
            default -> v.put(name, parse(spec.type(), text));
        }
        return new ParameterValues(specs, v);
    }

    /** The items of a removal's text that the list parameter does not hold. */
    public List<String> absentItems(String name, String text) {
        List<String> items = list(name);
        return parseList(text).stream().filter(i -> !items.contains(i)).toList();
    }

    private ParameterSpec spec(String name) {
        ParameterSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' (known: " + specs.keySet() + ")");
        }
        return spec;
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String name) {
        ParameterType type = spec(name).type();
        if (type != ParameterType.LIST) {
            throw new IllegalArgumentException("+= and -= apply to list parameters only; " + name + " is a "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + " (use " + name + "=value)");
        }
        return (List<String>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> parseList(String text) {
        return (List<String>) parse(ParameterType.LIST, text);
    }

    public boolean has(String name) {
        return specs.containsKey(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public Duration duration(String name) {
        return (Duration) values.get(name);
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public Map<String, ParameterSpec> specs() {
        return specs;
    }

    /** The value as the strings a field test compares with: a list stays a list, anything else one item. */
    public List<String> asStrings(String name) {
        Object v = values.get(name);
        if (v instanceof List) {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        if (v instanceof Duration) {
            return List.of(String.valueOf(((Duration) v).toMillis()));
        }
        if (v instanceof Double && ((Double) v) == Math.rint((Double) v)) {
            return List.of(String.valueOf(((Double) v).longValue()));
        }
        return List.of(String.valueOf(v));
    }

    /**
     * Parses the text form of a value (lists are comma separated; an item {@code @file:PATH}
     * stands for the entries of that file, in the working directory, see {@link ListFile});
     * IllegalArgumentException if it does not fit.
     */
    public static Object parse(ParameterType type, String text) {
        return parse(type, text, ListFile.inWorkingDirectory());
    }

    /** As {@link #parse(ParameterType, String)}, with list files read from {@code lists}. */
    public static Object parse(ParameterType type, String text, ListFile lists) {
        switch (type) {
            case LIST:
                // Items, not the whole text: a shipped file and a site's own file (or values) combine.
                List<String> items = new ArrayList<>();
                for (String item : text.split(",")) {
                    String v = item.trim();
                    if (ListFile.isReference(v)) {
                        items.addAll(lists.read(v));
                    } else if (!v.isEmpty()) {
                        items.add(v);
                    }
                }
                return List.copyOf(items);
            case NUMBER:
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
            case DURATION:
                return Durations.parse(text);
            case BOOLEAN:
                if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("'" + text + "' is not true or false");
                }
                return Boolean.parseBoolean(text.trim());
            default:
                return text;
        }
    }
}
