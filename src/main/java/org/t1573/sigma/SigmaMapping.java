package org.t1573.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.t1573.pattern.EventFieldResolver;
import org.t1573.pattern.ParameterSpec;
import org.t1573.pattern.ParameterType;
import org.t1573.pattern.PatternError;
import org.t1573.pattern.PatternLoadException;

/**
 * The mapping file ({@code patterns/sigma/sysmon.mapping.yml}): which events each supported Sigma
 * log source category names ({@code event.action}), and which event field each Sigma field of
 * that category is, with a value map where the event model normalises the value (Sysmon's
 * {@code Initiated: 'true'} is {@code network.direction: outbound}).
 */
public final class SigmaMapping {
    /** The file's name, looked for beside a rule and in its parent directories. */
    public static final String FILE_NAME = "sysmon.mapping.yml";

    /** One Sigma field's event field and value map (empty: values as written). */
    public record Target(String field, Map<String, String> values) {}

    /**
     * How rules alert ({@code alerts}): a lone rule's key and window, and the events that describe
     * and end a correlation's key when it groups by process.
     */
    public record Alerts(List<String> groupBy, String window, Map<String, String> processContext,
            Map<String, String> processEndsOn, Map<String, Double> scores) {

        /** The alert score of a rule of this level: the level's, else medium's. */
        public double score(String level) {
            Double s = level == null ? null : scores.get(level);
            return s != null ? s : scores.getOrDefault("medium", 0.0);
        }
    }

    private final String file;
    private final Map<String, String> actions;
    private final Map<String, Map<String, Target>> fields;
    private final Alerts alerts;
    private final Map<String, ParameterSpec> placeholders;

    private SigmaMapping(String file, Map<String, String> actions, Map<String, Map<String, Target>> fields,
            Alerts alerts, Map<String, ParameterSpec> placeholders) {
        this.file = file;
        this.actions = actions;
        this.fields = fields;
        this.alerts = alerts;
        this.placeholders = placeholders;
    }

    /** Reads the file; every event field it names must exist. */
    public static SigmaMapping load(Path path) throws PatternLoadException {
        String file = path.toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
        } catch (IOException e) {
            throw new PatternLoadException(List.of(new PatternError(file, 0, "cannot read the Sigma mapping: "
                    + e.getMessage())));
        }
        List<PatternError> errors = new ArrayList<>();
        Map<String, Target> common = targets(file, root.path("common"), errors);
        Map<String, String> actions = new HashMap<>();
        Map<String, Map<String, Target>> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("categories").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            String action = c.getValue().path("event.action").asText(null);
            if (action == null) {
                errors.add(new PatternError(file, 0, "category " + c.getKey() + " names no event.action"));
            }
            actions.put(c.getKey(), action);
            Map<String, Target> own = new HashMap<>(common);
            own.putAll(targets(file, c.getValue().path("fields"), errors));
            fields.put(c.getKey(), own);
        }
        JsonNode a = root.path("alerts");
        List<String> groupBy = new ArrayList<>();
        a.path("group-by").forEach(g -> groupBy.add(g.asText()));
        String window = a.path("window").asText(null);
        if (groupBy.isEmpty() || window == null) {
            errors.add(new PatternError(file, 0, "alerts needs group-by and window"));
        }
        Map<String, ParameterSpec> placeholders = new HashMap<>();
        root.path("placeholders").fields().forEachRemaining(p -> {
            List<String> values = new ArrayList<>();
            p.getValue().path("default").forEach(v -> values.add(v.asText()));
            placeholders.put(p.getKey(), new ParameterSpec(p.getKey(), p.getValue().path("description").asText(),
                    ParameterType.LIST, List.copyOf(values), 0));
        });
        if (!errors.isEmpty()) {
            throw new PatternLoadException(errors);
        }
        return new SigmaMapping(file, actions, fields,
                new Alerts(groupBy, window, texts(a.path("process-context")), texts(a.path("process-ends-on")),
                        scores(a.path("scores"))),
                placeholders);
    }

    private static Map<String, Double> scores(JsonNode object) {
        Map<String, Double> out = new HashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /**
     * The mapping for a rule: the nearest {@value #FILE_NAME} in the rule's directory or above it
     * (or in a {@code sigma} or {@code patterns/sigma} directory there: the repository's own for
     * rules kept elsewhere in it), else {@code fallback}; null when none exists.
     */
    public static Path locate(Path rule, Path fallback) {
        for (Path dir = rule.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(FILE_NAME), dir.resolve("sigma").resolve(FILE_NAME),
                    dir.resolve("patterns").resolve("sigma").resolve(FILE_NAME))) {
                if (Files.isRegularFile(candidate)) {
                    // Relative to the working directory where it lies in it, as messages name rule files.
                    Path cwd = Path.of("").toAbsolutePath();
                    return candidate.startsWith(cwd) ? cwd.relativize(candidate) : candidate;
                }
            }
        }
        return fallback != null && Files.isRegularFile(fallback) ? fallback : null;
    }

    private static Map<String, Target> targets(String file, JsonNode node, List<PatternError> errors) {
        Map<String, Target> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String field = v.isObject() ? v.path("field").asText(null) : v.asText(null);
            Map<String, String> values = new HashMap<>();
            v.path("values").fields().forEachRemaining(x -> values.put(x.getKey().toLowerCase(Locale.ROOT),
                    x.getValue().asText()));
            if (field == null || EventFieldResolver.INSTANCE.resolve(field) == null) {
                errors.add(new PatternError(file, 0, "Sigma field " + e.getKey() + " maps to '" + field
                        + "', which is no event field"));
                continue;
            }
            out.put(e.getKey(), new Target(field, Map.copyOf(values)));
        }
        return out;
    }

    /** The file the mapping was read from, for messages. */
    public String file() {
        return file;
    }

    /** The parameter a {@code %Name%} placeholder stands for, or null when the mapping declares none. */
    public ParameterSpec placeholder(String name) {
        return placeholders.get(name);
    }

    /** How rules and correlations alert. */
    public Alerts alerts() {
        return alerts;
    }

    /** The supported categories, sorted. */
    public Set<String> categories() {
        return new TreeSet<>(actions.keySet());
    }

    /** The {@code event.action} of a category's events, or null for a category not supported. */
    public String action(String category) {
        return actions.get(category);
    }

    /** The event field a Sigma field of the category is, or null when the mapping has none. */
    public Target target(String category, String sigmaField) {
        Map<String, Target> own = fields.get(category);
        return own == null ? null : own.get(sigmaField);
    }
}
