package org.t1573.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An OCSF event class read from the schema's own files (events/, objects/, profiles/,
 * dictionary.json, categories.json), with {@code extends} chains, {@code $include}d profiles and
 * dictionary types resolved, and a validator of JSON events against it: required attributes,
 * no attribute the class or object does not define (profile attributes only when the event
 * applies the profile), types with their regexes, ranges and lengths, enum values, sibling
 * captions, {@code at_least_one}/{@code just_one} constraints, class and type ids, and that each
 * observable names an attribute of the event holding its value, with that attribute's type id.
 */
public final class OcsfSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One attribute of a class or object as resolved. */
    public record Attr(String name, String type, boolean array, String requirement, Map<String, String> enumCaptions,
            String sibling, boolean deprecated, String profile, Integer observable) {}

    /** A class or object: its attributes and constraints. */
    public record Definition(String name, String caption, Map<String, Attr> attributes,
            Map<String, List<String>> constraints, Integer uid, String category) {}

    private final Path root;
    private final JsonNode dictionary;
    private final JsonNode types;
    private final Map<String, Definition> objects = new HashMap<>();
    private final Set<Integer> observableIds = new HashSet<>();
    private final String version;

    private OcsfSchema(Path root) {
        this.root = root;
        this.dictionary = read(root.resolve("dictionary.json")).get("attributes");
        this.types = read(root.resolve("dictionary.json")).get("types").get("attributes");
        this.version = read(root.resolve("version.json")).get("version").asText();
        collectObservableIds();
    }

    /** The schema kept beside the repository, in ../shared. */
    public static final Path SHARED = Path.of("..", "shared", "data", "ocsf-schema");

    public static OcsfSchema load(Path root) {
        return new OcsfSchema(root);
    }

    public String version() {
        return version;
    }

    /** The event class of that name (e.g. detection_finding), with everything it extends. */
    public Definition eventClass(String name) {
        Definition cls = resolve(eventFile(name), this::eventFile);
        // The schema's own server generates these enums: the class's and its category's ids.
        withEnum(cls, "class_uid", Map.of(String.valueOf(classUid(cls)), cls.caption()));
        withEnum(cls, "category_uid", Map.of(String.valueOf(categoryUid(cls)), categoryCaption(cls)));
        return cls;
    }

    private static void withEnum(Definition def, String attribute, Map<String, String> captions) {
        Attr a = def.attributes().get(attribute);
        def.attributes().put(attribute, new Attr(a.name(), a.type(), a.array(), a.requirement(), captions, a.sibling(),
                a.deprecated(), a.profile(), a.observable()));
    }

    /** The class's id: its category's uid times 1000 plus its own uid. */
    public int classUid(Definition cls) {
        return categoryUid(cls) * 1000 + cls.uid();
    }

    int categoryUid(Definition cls) {
        return read(root.resolve("categories.json")).get("attributes").get(cls.category()).get("uid").asInt();
    }

    String categoryCaption(Definition cls) {
        return read(root.resolve("categories.json")).get("attributes").get(cls.category()).get("caption").asText();
    }

    /** Every violation of the class by the event, each with its attribute path; empty when valid. */
    public List<String> validate(JsonNode event, Definition cls) {
        List<String> errors = new ArrayList<>();
        Set<String> profiles = new HashSet<>();
        event.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
        validateObject("", event, cls, profiles, errors);
        int classUid = classUid(cls);
        expect(errors, "type_uid", event.path("type_uid").asLong(), classUid * 100L + event.path("activity_id").asInt());
        expect(errors, "class_name", event.path("class_name").asText(), cls.caption());
        expect(errors, "category_name", event.path("category_name").asText(), categoryCaption(cls));
        expect(errors, "type_name", event.path("type_name").asText(),
                cls.caption() + ": " + event.path("activity_name").asText());
        for (JsonNode o : event.path("observables")) {
            validateObservable(event, cls, o, errors);
        }
        return errors;
    }

    private static void expect(List<String> errors, String path, Object actual, Object expected) {
        if (!actual.equals(expected)) {
            errors.add(path + ": " + actual + ", the class says " + expected);
        }
    }

    private void validateObject(String path, JsonNode node, Definition def, Set<String> profiles, List<String> errors) {
        if (!node.isObject()) {
            errors.add(path + ": not an object (" + def.name() + ")");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            Attr a = def.attributes().get(f.getKey());
            String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (a == null || !applies(a, profiles)) {
                errors.add(at + ": not an attribute of " + def.name());
            } else {
                validateValue(at, f.getValue(), a, profiles, errors);
            }
        }
        for (Attr a : def.attributes().values()) {
            if ("required".equals(a.requirement()) && applies(a, profiles) && !node.has(a.name())) {
                errors.add((path.isEmpty() ? "" : path + ".") + a.name() + ": required by " + def.name() + ", missing");
            }
            if (a.sibling() != null && !a.enumCaptions().isEmpty() && node.has(a.name()) && node.has(a.sibling())
                    && !"99".equals(node.get(a.name()).asText())) {
                String caption = a.enumCaptions().get(node.get(a.name()).asText());
                if (caption != null && !caption.equals(node.get(a.sibling()).asText())) {
                    errors.add(path + "." + a.sibling() + ": '" + node.get(a.sibling()).asText() + "' is not the caption '"
                            + caption + "' of " + a.name() + " " + node.get(a.name()));
                }
            }
        }
        List<String> atLeastOne = def.constraints().get("at_least_one");
        if (atLeastOne != null && atLeastOne.stream().noneMatch(node::has)) {
            errors.add(path + ": " + def.name() + " needs at least one of " + atLeastOne);
        }
        List<String> justOne = def.constraints().get("just_one");
        if (justOne != null && justOne.stream().filter(node::has).count() != 1) {
            errors.add(path + ": " + def.name() + " needs exactly one of " + justOne);
        }
    }

    private static boolean applies(Attr a, Set<String> profiles) {
        return a.profile() == null || profiles.contains(a.profile());
    }

    private void validateValue(String path, JsonNode v, Attr a, Set<String> profiles, List<String> errors) {
        if (a.deprecated()) {
            errors.add(path + ": deprecated");
        }
        if (a.array() != v.isArray()) {
            errors.add(path + ": " + (a.array() ? "must be an array" : "must not be an array"));
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        for (int i = 0; i < items.size(); i++) {
            String at = a.array() ? path + "[" + i + "]" : path;
            JsonNode item = items.get(i);
            if (types.has(a.type())) {
                validatePrimitive(at, item, a.type(), errors);
            } else if (!"object".equals(a.type())) {
                validateObject(at, item, object(a.type()), profiles, errors);
            } else if (!item.isObject()) {
                errors.add(at + ": not an object");
            }
            if (!a.enumCaptions().isEmpty() && !a.enumCaptions().containsKey(item.asText())) {
                errors.add(at + ": " + item + " is not one of " + a.enumCaptions().keySet());
            }
        }
    }

    private void validatePrimitive(String path, JsonNode v, String type, List<String> errors) {
        for (String t = type; t != null; t = types.path(t).path("type").textValue()) {
            JsonNode spec = types.get(t);
            boolean ok = switch (t) {
                case "string_t" -> v.isTextual();
                case "integer_t" -> v.isIntegralNumber() && v.canConvertToInt();
                case "long_t" -> v.isIntegralNumber() && v.canConvertToLong();
                case "float_t" -> v.isNumber();
                case "boolean_t" -> v.isBoolean();
                default -> true;
            };
            if (!ok) {
                errors.add(path + ": " + v + " is not a " + t + " (" + type + ")");
                return;
            }
            if (spec.has("regex") && !Pattern.compile(spec.get("regex").asText()).matcher(v.asText()).matches()) {
                errors.add(path + ": '" + v.asText() + "' does not match the " + t + " pattern");
            }
            if (spec.has("max_len") && v.asText().length() > spec.get("max_len").asInt()) {
                errors.add(path + ": longer than " + spec.get("max_len") + " (" + t + ")");
            }
            if (spec.has("range") && (v.asLong() < spec.get("range").get(0).asLong()
                    || v.asLong() > spec.get("range").get(1).asLong())) {
                errors.add(path + ": " + v + " is out of " + spec.get("range") + " (" + t + ")");
            }
        }
    }

    private void validateObservable(JsonNode event, Definition cls, JsonNode o, List<String> errors) {
        String name = o.path("name").asText();
        int typeId = o.path("type_id").asInt();
        Definition def = cls;
        Attr attr = null;
        List<JsonNode> values = List.of(event);
        for (String segment : name.split("\\.")) {
            if (attr != null) {
                def = object(attr.type());
            }
            attr = def.attributes().get(segment);
            if (attr == null) {
                errors.add("observables " + name + ": " + segment + " is not an attribute of " + def.name());
                return;
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode v : values) {
                JsonNode child = v.path(segment);
                if (child.isArray()) {
                    child.forEach(next::add);
                } else if (!child.isMissingNode()) {
                    next.add(child);
                }
            }
            values = next;
        }
        Integer expected = attr.observable() != null ? attr.observable()
                : types.path(attr.type()).path("observable").isInt() ? types.path(attr.type()).path("observable").asInt()
                : null;
        if (expected == null || expected != typeId) {
            errors.add("observables " + name + ": type_id " + typeId + ", the attribute's observable type is " + expected);
        }
        if (attr.observable() == null && types.has(attr.type())
                && !types.get(attr.type()).path("caption").asText().equals(o.path("type").asText())) {
            errors.add("observables " + name + ": type '" + o.path("type").asText() + "' is not "
                    + types.get(attr.type()).path("caption").asText());
        }
        String value = o.path("value").asText();
        if (values.stream().noneMatch(v -> v.asText().equals(value))) {
            errors.add("observables " + name + ": no attribute there holds '" + value + "'");
        }
    }

    private Definition object(String name) {
        Definition d = objects.get(name);
        if (d == null) {
            d = resolve(root.resolve("objects").resolve(name + ".json"), n -> root.resolve("objects").resolve(n + ".json"));
            if (name.equals("observable")) {
                // Generated too: every observable number the types, attributes and objects declare.
                Map<String, String> ids = new LinkedHashMap<>();
                observableIds.forEach(id -> ids.put(String.valueOf(id), null));
                withEnum(d, "type_id", ids);
            }
            objects.put(name, d);
        }
        return d;
    }

    private Path eventFile(String name) {
        try (Stream<Path> files = Files.walk(root.resolve("events"))) {
            return files.filter(f -> f.getFileName().toString().equals(name + ".json")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no event class " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition in the file, over the definition it extends, with its profiles included. */
    private Definition resolve(Path file, java.util.function.Function<String, Path> parentFile) {
        JsonNode node = read(file);
        Map<String, Attr> attrs = new LinkedHashMap<>();
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        Integer uid = node.has("uid") ? node.get("uid").asInt() : null;
        String category = node.path("category").textValue();
        String parent = node.path("extends").textValue();
        if (parent != null && !"object".equals(parent)) {
            Definition p = resolve(parentFile.apply(parent), parentFile);
            attrs.putAll(p.attributes());
            constraints.putAll(p.constraints());
            category = category == null ? p.category() : category;
        }
        JsonNode own = node.path("attributes");
        for (JsonNode include : own.path("$include")) {
            JsonNode profile = read(root.resolve(include.asText()));
            String profileName = profile.path("name").asText();
            profile.path("attributes").fields().forEachRemaining(
                    e -> attrs.put(e.getKey(), merge(attrs.get(e.getKey()), e.getKey(), e.getValue(), profileName)));
        }
        own.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$include")) {
                attrs.put(e.getKey(), merge(attrs.get(e.getKey()), e.getKey(), e.getValue(), null));
            }
        });
        node.path("constraints").fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            constraints.put(e.getKey(), names);
        });
        return new Definition(node.path("name").asText(), node.path("caption").asText(), attrs, constraints, uid, category);
    }

    /**
     * An attribute as a file states it, over what was known of it (its parent's, or the
     * dictionary's): requirement and profile overridden, enum values added.
     */
    private Attr merge(Attr known, String name, JsonNode spec, String includedFrom) {
        JsonNode dict = dictionary.path(name);
        if (known == null) {
            Map<String, String> captions = new LinkedHashMap<>();
            dict.path("enum").fields().forEachRemaining(e -> captions.put(e.getKey(), e.getValue().path("caption").asText()));
            known = new Attr(name, dict.path("type").asText("object"), dict.path("is_array").asBoolean(false), "optional",
                    captions, dict.path("sibling").textValue(), dict.has("@deprecated"), null,
                    dict.path("observable").isInt() ? dict.get("observable").asInt() : null);
        }
        Map<String, String> captions = new LinkedHashMap<>(known.enumCaptions());
        spec.path("enum").fields().forEachRemaining(e -> captions.put(e.getKey(), e.getValue().path("caption").asText()));
        String profile = spec.has("profile") ? spec.get("profile").textValue()
                : includedFrom != null ? includedFrom : known.profile();
        return new Attr(name, spec.path("type").asText(known.type()), spec.path("is_array").asBoolean(known.array()),
                spec.path("requirement").asText(known.requirement()), captions,
                spec.has("sibling") ? spec.get("sibling").asText() : known.sibling(),
                known.deprecated() || spec.has("@deprecated"), profile,
                spec.path("observable").isInt() ? Integer.valueOf(spec.get("observable").asInt()) : known.observable());
    }

    /** Observable type ids: those the dictionary's types, attributes and the objects declare, and 0, 99. */
    private void collectObservableIds() {
        observableIds.add(0);
        observableIds.add(99);
        types.forEach(t -> addObservable(t));
        dictionary.forEach(a -> addObservable(a));
        try (Stream<Path> files = Files.list(root.resolve("objects"))) {
            files.forEach(f -> {
                JsonNode o = read(f);
                addObservable(o);
                o.path("attributes").forEach(this::addObservable);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addObservable(JsonNode n) {
        if (n.path("observable").isInt()) {
            observableIds.add(n.get("observable").asInt());
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
