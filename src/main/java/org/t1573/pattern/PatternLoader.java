package org.t1573.pattern;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one pattern file into a {@link PatternDefinition}, collecting every error with its line.
 * The YAML is composed into nodes (not bound to objects) so that line numbers survive; pattern
 * files cannot instantiate classes or run code.
 */
public final class PatternLoader {
    private static final Set<String> KEYS = new java.util.TreeSet<>(List.of("id", "title", "status", "description", "technique", "tactic",
            "strategy", "platform", "severity", "confidence", "author", "date", "modified", "logsources",
            "falsepositives", "references", "parameters", "group-by", "sequence", "timespan", "suppress-for", "ends-on", "context",
            "aggregate", "condition", "summary", "score", "tags", "attack-names", "version"));
    private static final Set<String> AGGREGATE_KEYS = new java.util.TreeSet<>(List.of("over", "strong"));
    private static final Set<String> SEVERITIES =
            new java.util.LinkedHashSet<>(List.of("informational", "low", "medium", "high", "critical"));
    private static final Set<String> CONFIDENCES = new java.util.LinkedHashSet<>(List.of("low", "medium", "high"));
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern ATTACK_ID = Pattern.compile("(T\\d{4}(\\.\\d{3})?|TA\\d{4})");
    private static final Pattern DISTINCT = Pattern.compile("distinct\\(\\s*(\\w+)\\.([\\w.@]+)\\s*\\)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private PatternLoader() {}

    /** Loads a file; PatternLoadException lists every error found in it. */
    public static PatternDefinition load(Path file) throws PatternLoadException {
        String text;
        try {
            text = SmallTextFiles.read(file, PatternYaml.MAX_FILE_SIZE);
        } catch (IOException e) {
            throw new PatternLoadException(
                    List.of(new PatternError(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Parses pattern text; {@code file} is only used in error messages. */
    public static PatternDefinition parse(String file, String text) throws PatternLoadException {
        List<PatternError> errors = new ArrayList<>();
        Node root = PatternYaml.compose(file, text);
        if (root == null) {
            throw new PatternLoadException(List.of(new PatternError(file, 0, "the file is empty")));
        }
        PatternDefinition def = new Reading(file, errors).read(root);
        if (!errors.isEmpty()) {
            // Also report what compiling would find (unknown fields, modifiers, parameters), so one
            // run of validate lists every error of the file.
            try {
                PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
            } catch (PatternLoadException e) {
                errors.addAll(e.errors());
            } catch (RuntimeException e) {
                // The definition is too broken to compile; its reading errors say why.
            }
            errors.sort(java.util.Comparator.comparingInt(PatternError::line));
            throw new PatternLoadException(errors);
        }
        return def;
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final String file;
        private final YamlTree yaml;
        private final ConditionReader conditions;
        private final ListFile lists;
        private Map<String, NodeTuple> top;

        Reading(String file, List<PatternError> errors) {
            this.file = file;
            this.yaml = new YamlTree(file, errors);
            this.conditions = new ConditionReader(yaml);
            this.lists = ListFile.forPattern(Path.of(file));
        }

        PatternDefinition read(Node root) {
            top = yaml.mapping(root, "a pattern file");
            for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
                if (!KEYS.contains(e.getKey())) {
                    yaml.error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' (known: " + KEYS + ")");
                }
            }
            String id = required("id");
            String technique = required("technique");
            if (technique != null && !TECHNIQUE.matcher(technique).matches()) {
                yaml.error(valueNode("technique"), "technique '" + technique + "' is not an ATT&CK id like T1573.001");
            }
            String severity = oneOf("severity", SEVERITIES, true);
            String confidence = oneOf("confidence", CONFIDENCES, false);
            Map<String, ParameterSpec> params = parameters();
            List<StepDefinition> steps = sequence();
            List<String> groupBy = top.containsKey("group-by")
                    ? yaml.scalars(valueNode("group-by"), "group-by") : List.of();
            for (String f : groupBy) {
                if (EventFieldResolver.INSTANCE.resolve(f) == null) {
                    yaml.error(valueNode("group-by"), "group-by: unknown field '" + f + "'");
                }
            }
            if (groupBy.isEmpty()) {
                yaml.error(root, "group-by is required: the fields that key the sequence, e.g. [host.name, process.instance]");
            }
            String timespan = optional("timespan");
            if (timespan == null) {
                yaml.error(root, "timespan is required: the sequence window, and the window within which an alert "
                        + "is raised once per key");
            }
            String over = aggregateOver(steps);
            if (steps.stream().anyMatch(s -> s.absent() && s.name().equals(over))) {
                yaml.error(valueNode("sequence"), "aggregate over '" + over + "': an absent step has no events");
            }
            return new PatternDefinition(file, id, required("title"), optional("status"), optional("description"),
                    technique, orDefault(optional("tactic"), "TA0011"), required("strategy"), required("platform"),
                    severity, orDefault(confidence, "medium"), logSources(), list("falsepositives"),
                    list("references"), attackNames(), optional("version"), params, groupBy, steps, timespan,
                    top.containsKey("timespan") ? YamlTree.line(valueNode("timespan")) : 0,
                    top.containsKey("ends-on") ? conditions.read(valueNode("ends-on"), "ends-on") : null,
                    top.containsKey("context") ? conditions.read(valueNode("context"), "context") : null, over,
                    strongEvidence(),
                    top.containsKey("condition") ? conditions.read(valueNode("condition"), "condition") : null,
                    summary(steps), scoreBase(), scoreRules(), optional("suppress-for"),
                    top.containsKey("suppress-for") ? YamlTree.line(valueNode("suppress-for")) : 0);
        }

        private Node valueNode(String key) {
            return top.get(key).getValueNode();
        }

        private String optional(String key) {
            return top.containsKey(key) ? yaml.scalar(valueNode(key), key) : null;
        }

        private String required(String key) {
            if (!top.containsKey(key)) {
                yaml.error(1, "missing required key '" + key + "'");
                return null;
            }
            return optional(key);
        }

        private String oneOf(String key, Set<String> allowed, boolean isRequired) {
            String v = isRequired ? required(key) : optional(key);
            if (v != null && !allowed.contains(v)) {
                yaml.error(valueNode(key), key + " '" + v + "' is not one of " + allowed);
            }
            return v;
        }

        private List<String> list(String key) {
            return top.containsKey(key) ? yaml.scalars(valueNode(key), key) : List.of();
        }

        /** {@code attack-names}: ATT&CK id to name, each key an ATT&CK technique or tactic id. */
        private Map<String, String> attackNames() {
            Map<String, String> out = new LinkedHashMap<>();
            if (!top.containsKey("attack-names")) {
                return out;
            }
            yaml.mapping(valueNode("attack-names"), "attack-names").forEach((id, t) -> {
                if (!ATTACK_ID.matcher(id).matches()) {
                    yaml.error(t.getKeyNode(), "attack-names: '" + id + "' is not an ATT&CK id like T1573.001 or TA0011");
                }
                String name = yaml.scalar(t.getValueNode(), "attack-names " + id);
                if (name != null) {
                    out.put(id, name);
                }
            });
            return out;
        }

        private List<Map<String, String>> logSources() {
            List<Map<String, String>> out = new ArrayList<>();
            if (!top.containsKey("logsources")) {
                return out;
            }
            for (Node item : yaml.sequence(valueNode("logsources"), "logsources")) {
                Map<String, String> source = new LinkedHashMap<>();
                yaml.mapping(item, "a log source").forEach((k, t) -> {
                    String v = yaml.scalar(t.getValueNode(), k);
                    if (v != null) {
                        source.put(k, v);
                    }
                });
                out.add(source);
            }
            return out;
        }

        private Map<String, ParameterSpec> parameters() {
            Map<String, ParameterSpec> out = new LinkedHashMap<>();
            if (!top.containsKey("parameters")) {
                return out;
            }
            for (Map.Entry<String, NodeTuple> e : yaml.mapping(valueNode("parameters"), "parameters").entrySet()) {
                String name = e.getKey();
                Node keyNode = e.getValue().getKeyNode();
                if (!NAME.matcher(name).matches()) {
                    yaml.error(keyNode, "parameter name '" + name + "' must be a word like TimeWindow");
                }
                Map<String, NodeTuple> p = yaml.mapping(e.getValue().getValueNode(), "parameter " + name);
                if (!p.containsKey("default")) {
                    yaml.error(keyNode, "parameter " + name + " has no default");
                    continue;
                }
                if (!p.containsKey("description")) {
                    yaml.error(keyNode, "parameter " + name + " has no description");
                }
                Node def = p.get("default").getValueNode();
                ParameterType type = p.containsKey("type")
                        ? declaredType(yaml.scalar(p.get("type").getValueNode(), "type"), p.get("type").getValueNode())
                        : inferType(def);
                if (type == null) {
                    continue;
                }
                String text = def instanceof SequenceNode
                        ? String.join(",", yaml.scalars(def, "default of " + name))
                        : yaml.scalar(def, "default of " + name);
                try {
                    Object value = ParameterValues.parse(type, text == null ? "" : text, lists);
                    String description = p.containsKey("description")
                            ? yaml.scalar(p.get("description").getValueNode(), "description") : "";
                    out.put(name, new ParameterSpec(name, description, type, value, YamlTree.line(keyNode)));
                } catch (IllegalArgumentException ex) {
                    yaml.error(def, "default of " + name + ": " + ex.getMessage());
                }
            }
            return out;
        }

        private ParameterType declaredType(String text, Node at) {
            if (text == null) {
                return null;
            }
            try {
                return ParameterType.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                yaml.error(at, "type '" + text + "' is not one of list, number, duration, string, boolean");
                return null;
            }
        }

        private ParameterType inferType(Node def) {
            if (def instanceof SequenceNode) {
                return ParameterType.LIST;
            }
            if (!(def instanceof ScalarNode)) {
                yaml.error(def, "a parameter default must be a value or a list");
                return null;
            }
            String v = ((ScalarNode) def).getValue().trim();
            if (ListFile.isReference(v)) {
                return ParameterType.LIST;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return ParameterType.BOOLEAN;
            }
            if (v.matches("-?\\d+(\\.\\d+)?")) {
                return ParameterType.NUMBER;
            }
            if (v.matches("\\d+(ms|s|m|h|d)")) {
                return ParameterType.DURATION;
            }
            return ParameterType.STRING;
        }

        private List<StepDefinition> sequence() {
            List<StepDefinition> steps = new ArrayList<>();
            if (!top.containsKey("sequence")) {
                yaml.error(1, "missing required key 'sequence'");
                return steps;
            }
            for (Node item : yaml.sequence(valueNode("sequence"), "sequence")) {
                Map<String, NodeTuple> s = yaml.mapping(item, "a sequence step");
                for (String k : s.keySet()) {
                    if (!Set.of("step", "where", "unless", "absent").contains(k)) {
                        yaml.error(s.get(k).getKeyNode(),
                                "unknown key '" + k + "' in a step (known: step, where, unless, absent)");
                    }
                }
                String name = s.containsKey("step") ? yaml.scalar(s.get("step").getValueNode(), "step") : null;
                if (name == null || !NAME.matcher(name).matches()) {
                    yaml.error(item, "each step needs a name, a word such as crypto_load: step: <name>");
                    continue;
                }
                if (steps.stream().anyMatch(x -> x.name().equals(name))) {
                    yaml.error(item, "step name '" + name + "' is used twice");
                }
                if (!s.containsKey("where")) {
                    yaml.error(item, "step " + name + " has no 'where'");
                    continue;
                }
                ConditionNode where = conditions.read(s.get("where").getValueNode(), "where of step " + name);
                ConditionNode unless = s.containsKey("unless")
                        ? conditions.read(s.get("unless").getValueNode(), "unless of step " + name) : null;
                boolean absent = s.containsKey("absent") && bool(s.get("absent").getValueNode(), "absent");
                if (absent && steps.isEmpty()) {
                    yaml.error(item, "the first step cannot be absent: absence is only defined after an observed step");
                }
                steps.add(new StepDefinition(name, where, unless, absent, YamlTree.line(item)));
            }
            if (steps.isEmpty()) {
                yaml.error(valueNode("sequence"), "sequence needs at least one step");
            }
            return steps;
        }

        private String aggregateOver(List<StepDefinition> steps) {
            String last = steps.isEmpty() ? null : steps.get(steps.size() - 1).name();
            if (!top.containsKey("aggregate")) {
                return last;
            }
            Map<String, NodeTuple> a = yaml.mapping(valueNode("aggregate"), "aggregate");
            if (!a.containsKey("over")) {
                return last;
            }
            String over = yaml.scalar(a.get("over").getValueNode(), "over");
            if (over != null && steps.stream().noneMatch(s -> s.name().equals(over))) {
                yaml.error(a.get("over").getValueNode(), "aggregate over '" + over + "' is not a step of the sequence");
            }
            return over;
        }

        /** {@code aggregate.strong}: a predicate over the sessions of the aggregated step. */
        private ConditionNode strongEvidence() {
            if (!top.containsKey("aggregate")) {
                return null;
            }
            Map<String, NodeTuple> a = yaml.mapping(valueNode("aggregate"), "aggregate");
            for (Map.Entry<String, NodeTuple> e : a.entrySet()) {
                if (!AGGREGATE_KEYS.contains(e.getKey())) {
                    yaml.error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' in aggregate (known: "
                            + AGGREGATE_KEYS + ")");
                }
            }
            return a.containsKey("strong") ? conditions.read(a.get("strong").getValueNode(), "aggregate strong") : null;
        }

        private List<SummaryItem> summary(List<StepDefinition> steps) {
            List<SummaryItem> out = new ArrayList<>();
            if (!top.containsKey("summary")) {
                return out;
            }
            for (Map.Entry<String, NodeTuple> e : yaml.mapping(valueNode("summary"), "summary").entrySet()) {
                Node v = e.getValue().getValueNode();
                String expr = yaml.scalar(v, "summary " + e.getKey());
                if (expr == null) {
                    continue;
                }
                int line = YamlTree.line(v);
                Matcher m = DISTINCT.matcher(expr.trim());
                if (m.matches()) {
                    String step = m.group(1);
                    if (steps.stream().noneMatch(s -> s.name().equals(step))) {
                        yaml.error(v, "summary " + e.getKey() + ": '" + step + "' is not a step of the sequence");
                    } else if (EventFieldResolver.INSTANCE.resolve(m.group(2)) == null) {
                        yaml.error(v, "summary " + e.getKey() + ": unknown field '" + m.group(2) + "'");
                    }
                    out.add(new SummaryItem(e.getKey(), null, step, m.group(2), line));
                } else if (Aggregate.byName(expr.trim()) != null) {
                    out.add(new SummaryItem(e.getKey(), Aggregate.byName(expr.trim()), null, null, line));
                } else {
                    yaml.error(v, "summary " + e.getKey() + ": '" + expr + "' is neither an aggregate ("
                            + String.join(", ", Aggregate.all().keySet()) + ") nor distinct(<step>.<field>)");
                }
            }
            return out;
        }

        private Map<String, NodeTuple> score() {
            return top.containsKey("score") ? yaml.mapping(valueNode("score"), "score") : Map.of();
        }

        private double scoreBase() {
            Map<String, NodeTuple> s = score();
            if (!s.containsKey("base")) {
                return 50;
            }
            return number(s.get("base").getValueNode(), "score base");
        }

        private List<ScoreRule> scoreRules() {
            Map<String, NodeTuple> s = score();
            List<ScoreRule> out = new ArrayList<>();
            if (!s.containsKey("add")) {
                return out;
            }
            for (Node item : yaml.sequence(s.get("add").getValueNode(), "score add")) {
                Map<String, NodeTuple> r = yaml.mapping(item, "a score rule");
                if (!r.containsKey("when") || !r.containsKey("points")) {
                    yaml.error(item, "a score rule needs 'when' and 'points'");
                    continue;
                }
                String reason = r.containsKey("reason") ? yaml.scalar(r.get("reason").getValueNode(), "reason") : null;
                out.add(new ScoreRule(conditions.read(r.get("when").getValueNode(), "score when"),
                        number(r.get("points").getValueNode(), "points"), reason, YamlTree.line(item)));
            }
            return out;
        }

        private boolean bool(Node n, String what) {
            String v = yaml.scalar(n, what);
            if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
                yaml.error(n, what + " must be true or false, not '" + v + "'");
            }
            return "true".equalsIgnoreCase(v);
        }

        private double number(Node n, String what) {
            String v = yaml.scalar(n, what);
            try {
                return v == null ? 0 : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                yaml.error(n, what + " '" + v + "' is not a number");
                return 0;
            }
        }

        private static String orDefault(String v, String d) {
            return v == null ? d : v;
        }
    }
}
