package org.t1573.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.windows.WindowsRecordParser;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.ParameterValues;
import org.t1573.pattern.PatternCompiler;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternError;
import org.t1573.pattern.PatternLoadException;

/**
 * SigmaHQ's corpus as a peer's test suite: which rules of the supported log source categories
 * compile (the others with their reasons), and how many regression tests give exactly their
 * {@code match_count}. Events are read by the job's own windows channel parser and tested with
 * the compiled step condition the job's select stage runs, without a Flink job per test.
 */
public final class SigmaSuite {

    /** The suite's figures. */
    public record Result(int supportedRules, int compiledRules, List<PatternError> refused, int regressionTests,
            int regressionPassed, List<String> regressionFailures, int regressionSkipped, int correlationsRead,
            int correlationsCompiled, int correlationsTotal) {}

    private final Path mapping;

    public SigmaSuite(Path mapping) {
        this.mapping = mapping;
    }

    /** Runs the suite: rules under {@code rules}, regression data under {@code regression}, correlation tests under {@code correlations} (each may be null). */
    public Result run(Path rules, Path regression, Path correlations) throws IOException, PatternLoadException {
        SigmaMapping map = SigmaMapping.load(mapping);
        SigmaRuleSet set = SigmaRuleSet.read(yamlFiles(rules), mapping);
        List<PatternError> refused = new ArrayList<>();
        int supported = 0;
        for (Path f : yamlFiles(rules)) {
            String category = set.category(f.toString());
            if (category == null || map.action(category) == null) {
                continue;
            }
            supported++;
            set.refused().stream().filter(e -> e.file().equals(f.toString())).findFirst().ifPresent(refused::add);
        }
        int tests = 0;
        int passed = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        for (Path info : regression == null ? List.<Path>of() : files(regression, "info.yml")) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(info.toFile());
            PatternDefinition def = set.detections().get(doc.path("rule_metadata").path(0).path("id").asText());
            if (def == null) {
                skipped++;
                continue;
            }
            CompiledPattern compiled = PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
            for (JsonNode t : doc.path("regression_tests_info")) {
                tests++;
                Path events = info.resolveSibling(Path.of(t.path("path").asText()).getFileName().toString()
                        .replaceAll("\\.evtx$", ".json"));
                // A "Positive Detection Test" that gives no count (24 of SigmaHQ's) is read as one match.
                int want = t.path("match_count").asInt(1);
                int got = matches(compiled, events);
                if (got == want) {
                    passed++;
                } else {
                    failures.add(info.getParent().getFileName() + ": " + got + " matches, expected " + want);
                }
            }
        }
        int corrRead = 0;
        int corrCompiled = 0;
        int corrTotal = 0;
        if (correlations != null) {
            List<Path> corr = yamlFiles(correlations);
            SigmaRuleSet spec = SigmaRuleSet.read(corr, mapping);
            corrTotal = (int) corr.stream().filter(SigmaSuite::isCorrelation).count();
            corrRead = spec.correlationsRead();
            corrCompiled = spec.correlations().size();
        }
        return new Result(supported, supported - refused.size(), refused, tests, passed, failures, skipped, corrRead,
                corrCompiled, corrTotal);
    }

    /** How many of the file's events the rule's compiled condition matches; -1 when the file cannot be read. */
    private static int matches(CompiledPattern rule, Path events) {
        WindowsRecordParser parser = new WindowsRecordParser();
        List<Event> parsed = new ArrayList<>();
        try {
            // One event, or several written one after the other (not as an array).
            try (MappingIterator<JsonNode> records = new ObjectMapper().readerFor(JsonNode.class).readValues(events.toFile())) {
                while (records.hasNext()) {
                    parser.parse(records.next().toString(), parsed::add, reason -> { });
                }
            }
        } catch (IOException | RuntimeException | MalformedRecordException e) {
            return -1;
        }
        return (int) parsed.stream().filter(e -> rule.matchesStep(0, e)).count();
    }

    private static boolean isCorrelation(Path f) {
        try {
            return Files.readString(f).contains("\ncorrelation:") || Files.readString(f).startsWith("correlation:");
        } catch (IOException e) {
            return false;
        }
    }

    /** Prints the figures and every refused rule with its reason. */
    public static void print(Result r, PrintStream out) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (PatternError e : r.refused()) {
            out.println("not compiled  " + e);
            // Reasons by kind: the quoted value, the field's name and the parenthesis vary per rule.
            reasons.merge(e.reason().replaceAll("'[^']*'", "'...'").replaceAll("field \\S+ of", "field ... of")
                    .replaceAll(" \\(.*", "").trim(), 1, Integer::sum);
        }
        r.regressionFailures().forEach(f -> out.println("regression failed  " + f));
        out.println("Sigma suite");
        out.printf("  rules of supported categories: %d, compiled %d (%.1f %%), not compiled %d%n", r.supportedRules(),
                r.compiledRules(), percent(r.compiledRules(), r.supportedRules()), r.refused().size());
        reasons.forEach((reason, n) -> out.printf("    %4d  %s%n", n, reason));
        out.printf("  regression tests of compiled rules: %d, passed %d (%.1f %%); %d test folders of other "
                + "categories or refused rules skipped%n", r.regressionTests(), r.regressionPassed(),
                percent(r.regressionPassed(), r.regressionTests()), r.regressionSkipped());
        out.printf("  specification correlation tests: %d, read %d, compiled into sequences %d%n",
                r.correlationsTotal(), r.correlationsRead(), r.correlationsCompiled());
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static List<Path> files(Path dir, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.getFileName().toString().equals(name)).sorted().toList();
        }
    }
}
