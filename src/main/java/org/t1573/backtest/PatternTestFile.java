package org.t1573.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A pattern's test cases, kept beside it as {@code <ID>.tests.yml}:
 *
 * <pre>
 * pattern: AN0400
 * cases:
 *   - name: beacon after a crypto load alerts once per window
 *     input:
 *       - channel: windows
 *         file: samples/windows/sysmon.ndjson
 *         match: "{8fac3226-4380-69a5-0104-000000000700}"
 *       - channel: windows
 *         lines: |
 *           {"EventID":7, ...}
 *     set: {AllowedCryptoProcesses: rundll32.exe}
 *     expect:
 *       - process: "{8fac3226-4380-69a5-0104-000000000700}"
 *         count: 1
 *         summary: {ConnectionCount: 15, BeaconLikely: true}
 * </pre>
 *
 * {@code expect: []} expects silence. {@code analytic} defaults to the file's pattern.
 */
public record PatternTestFile(Path file, Path patternFile, String pattern, List<PatternTestCase> cases) {
    /** The suffix that marks a test file; pattern loading skips these files. */
    public static final String SUFFIX = ".tests.yml";

    /** Every test file under {@code dir}, sorted. */
    public static List<Path> find(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    public static PatternTestFile read(Path file) throws IOException {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, Object> top = map(root, file + ": the file");
        String pattern = text(top.get("pattern"), file + ": pattern");
        String name = file.getFileName().toString();
        Path patternFile = file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".yml");
        List<PatternTestCase> cases = new ArrayList<>();
        for (Object c : list(top.get("cases"), file + ": cases")) {
            cases.add(testCase(file, pattern, map(c, file + ": a case")));
        }
        return new PatternTestFile(file, patternFile, pattern, cases);
    }

    private static PatternTestCase testCase(Path file, String pattern, Map<String, Object> c) {
        String name = text(c.get("name"), file + ": a case's name");
        String where = file + ": case '" + name + "': ";
        List<PatternTestCase.Input> inputs = new ArrayList<>();
        for (Object i : list(c.get("input"), where + "input")) {
            Map<String, Object> in = map(i, where + "an input");
            Object lines = in.get("lines");
            if ((lines == null) == (in.get("file") == null)) {
                throw new IllegalArgumentException(where + "an input needs either lines or file");
            }
            inputs.add(new PatternTestCase.Input(text(in.get("channel"), where + "channel"),
                    lines == null ? null : List.of(text(lines, where + "lines").split("\n")),
                    in.get("file") == null ? null : text(in.get("file"), where + "file"),
                    in.get("match") == null ? null : text(in.get("match"), where + "match")));
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        if (c.get("set") != null) {
            map(c.get("set"), where + "set").forEach((k, v) -> overrides.put(k, v instanceof List<?> l
                    ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        }
        List<PatternTestCase.ExpectedAlert> expected = new ArrayList<>();
        for (Object e : list(c.get("expect"), where + "expect")) {
            Map<String, Object> x = map(e, where + "an expected alert");
            Object count = x.getOrDefault("count", 1);
            if (!(count instanceof Integer n) || n < 1) {
                throw new IllegalArgumentException(where + "count must be a positive number (expect: [] for none)");
            }
            expected.add(new PatternTestCase.ExpectedAlert(
                    x.get("analytic") == null ? pattern : text(x.get("analytic"), where + "analytic"),
                    x.get("host") == null ? null : text(x.get("host"), where + "host"),
                    x.get("process") == null ? null : ProcessRef.normalize(text(x.get("process"), where + "process")),
                    n, x.get("summary") == null ? Map.of() : map(x.get("summary"), where + "summary")));
        }
        return new PatternTestCase(name, inputs, overrides, expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a mapping");
        }
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list");
        }
        return l;
    }

    private static String text(Object o, String what) {
        if (o == null || o instanceof Map || o instanceof List) {
            throw new IllegalArgumentException(what + " must be a text");
        }
        return String.valueOf(o);
    }
}
