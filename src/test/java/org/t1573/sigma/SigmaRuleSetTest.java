package org.t1573.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.backtest.PatternLint;
import org.t1573.event.Event;
import org.t1573.ingest.windows.WindowsRecordParser;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternLoadException;
import org.t1573.pattern.PatternSet;

/**
 * Sigma rules written to files beside a copy of the shipped mapping, loaded as a pattern
 * directory is, and tested on events the windows channel parses from the EVTX-to-JSON shape.
 */
class SigmaRuleSetTest {
    private static final Path MAPPING = Path.of("patterns", "sigma", SigmaMapping.FILE_NAME);

    @TempDir
    Path dir;

    @Test
    void conditionsModifiersAndWildcardsSelectTheEventsSigmaSays() throws Exception {
        CompiledPattern rule = load("""
                title: encoded powershell
                id: r1
                logsource: {category: process_creation, product: windows}
                detection:
                  selection_img:
                    - Image|endswith: '\\powershell.exe'
                    - OriginalFileName: 'PowerShell.EXE'
                  selection_cli:
                    CommandLine|windash|contains|all: [' -enc ', ' -nop']
                  filter_parent:   # two backslashes then a star: a backslash, then a wildcard
                    ParentImage: 'C:\\Program Files\\\\*\\agent?.exe'
                  condition: all of selection_* and not 1 of filter_*
                """);
        assertThat(rule.matchesStep(0, process("C:\\x\\POWERSHELL.exe", "ps /enc AAA /nop", "C:\\Windows\\explorer.exe")))
                .isTrue();
        assertThat(rule.matchesStep(0, process("C:\\x\\powershell.exe", "ps -enc AAA", "C:\\Windows\\explorer.exe")))
                .as("|all needs both").isFalse();
        assertThat(rule.matchesStep(0, process("C:\\x\\powershell.exe", "ps -enc A -nop", "C:\\Program Files\\A\\agent1.exe")))
                .as("filtered parent").isFalse();
    }

    @Test
    void aFieldTheEventsDoNotCarryAnUnsupportedModifierAndAnUnknownSelectionAreRefusedAtTheirLines()
            throws IOException {
        // Line 6 is the selection's first test, line 7 its second or the condition.
        Path field = write("field.yml", rule("network_connection", "Initiated: 'true'", "CommandLine|contains: curl",
                "condition: selection"));
        Path file = write("bad.yml", rule("process_creation", "CommandLine|fieldref: ParentCommandLine",
                "condition: selection", ""));
        Path other = write("other.yml", rule("process_creation", "CommandLine: x", "condition: selection or (filter",
                ""));
        assertThatThrownBy(() -> PatternSet.load(List.of(dir), Map.of())).isInstanceOf(PatternLoadException.class)
                .hasMessageContaining(field + ":7: field CommandLine of network_connection is not in the mapping")
                .hasMessageContaining(file + ":6: unsupported modifier |fieldref")
                .hasMessageContaining(other + ":7: condition names 'filter', which is no selection of the rule");
    }

    @Test
    void lintReportsABrokenSigmaRuleAtItsLineAndAsksNoTestsFileOfIt() throws IOException {
        Path file = write("lookup.yml", rule("process_creation", "CommandLine|lookup: x", "condition: selection", ""));
        assertThat(PatternLint.lint(dir)).containsExactly(file + ":6: unsupported modifier |lookup");
    }

    @Test
    void anEventCountCorrelationIsOneStepCountedByTheAlertWindowAndConsumesItsRule() throws Exception {
        write("rule.yml", """
                title: dns (a name, no id)
                name: dns_lookup
                logsource: {category: dns_query, product: windows}
                detection:
                  selection:
                    QueryName|endswith: '.example'
                  condition: selection
                """);
        write("many.yml", """
                title: many lookups
                id: c1
                correlation:
                  type: event_count
                  rules: [dns_lookup]
                  group-by: [Computer]
                  timespan: 10m
                  condition: {gte: 3}
                """);
        List<CompiledPattern> patterns = PatternSet.load(List.of(dir), Map.of()).patterns();
        assertThat(patterns).extracting(CompiledPattern::id).containsExactly("c1");
        CompiledPattern c = patterns.get(0);
        assertThat(c.stepCount()).isEqualTo(1);
        assertThat(c.window()).hasMinutes(10);
        assertThat(c.definition().groupBy()).containsExactly("host.name");
        assertThat(c.definition().condition()).isNotNull();
    }

    @Test
    void theSpecificationsCorrelationTestsAreReadAndTheOnesWithoutTheirRulesSaySo() {
        Path tests = Path.of("..", "shared", "data", "sigma", "specification", "tests", "schema", "correlation");
        List<Path> files = new ArrayList<>();
        try (var walk = Files.list(tests)) {
            walk.filter(f -> f.toString().endsWith(".yml")).forEach(files::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SigmaRuleSet set = SigmaRuleSet.read(files, MAPPING);
        assertThat(set.correlationsRead()).isEqualTo(files.size()).isGreaterThanOrEqualTo(8);
        assertThat(set.refused()).allSatisfy(e -> assertThat(e.reason()).containsAnyOf("is not loaded",
                "is not compiled yet"));
    }

    /** A rule of the category with a two-line selection (the second line may be the condition). */
    private static String rule(String category, String line6, String line7, String line8) {
        return "title: t\nid: " + category + line6.hashCode() + "\nlogsource: {category: " + category
                + ", product: windows}\ndetection:\n  selection:\n    " + line6 + "\n"
                + (line7.startsWith("condition") ? "  " : "    ") + line7 + "\n" + (line8.isEmpty() ? "" : "  " + line8 + "\n");
    }

    private CompiledPattern load(String rule) throws Exception {
        write("rule.yml", rule);
        return PatternSet.load(List.of(dir), Map.of()).patterns().get(0);
    }

    private Path write(String name, String text) throws IOException {
        Files.copy(MAPPING, dir.resolve(SigmaMapping.FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.writeString(dir.resolve(name), text);
    }

    /** A Sysmon process creation in the EVTX-to-JSON shape, through the windows channel's parser. */
    private static Event process(String image, String commandLine, String parent) throws Exception {
        String json = """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}},
                  "EventID": 1, "EventRecordID": 7, "Computer": "ws1",
                  "TimeCreated": {"#attributes": {"SystemTime": "2025-12-25T14:30:27.369114Z"}}},
                 "EventData": {"UtcTime": "2025-12-25 14:30:27.352", "ProcessGuid": "{g}", "ProcessId": 1,
                  "Image": %s, "CommandLine": %s, "ParentImage": %s}}}
                """.formatted(quote(image), quote(commandLine), quote(parent));
        List<Event> out = new ArrayList<>();
        new WindowsRecordParser().parse(json, out::add, r -> { });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static String quote(String s) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s).toString();
    }
}
