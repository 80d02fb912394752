package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternLoaderTest {
    private static final String FILE = "patterns/test/T-LOAD.yml";

    /** A valid pattern; the line numbers of its keys are used by the error tests below. */
    private static final String MINIMAL = String.join("\n",
            /* 1 */ "id: T-LOAD",
            /* 2 */ "title: A test pattern",
            /* 3 */ "technique: T1573.001",
            /* 4 */ "strategy: DET0143",
            /* 5 */ "platform: windows",
            /* 6 */ "severity: high",
            /* 7 */ "parameters:",
            /* 8 */ "  Libs:",
            /* 9 */ "    description: libraries",
            /* 10 */ "    default: [a.dll, b.dll]",
            /* 11 */ "  Threshold:",
            /* 12 */ "    description: a number",
            /* 13 */ "    default: 7.2",
            /* 14 */ "  Window:",
            /* 15 */ "    description: a duration",
            /* 16 */ "    default: 15m",
            /* 17 */ "  Enabled:",
            /* 18 */ "    description: a flag",
            /* 19 */ "    default: true",
            /* 20 */ "  Label:",
            /* 21 */ "    description: a string",
            /* 22 */ "    default: hello",
            /* 23 */ "group-by: [host.name, process.instance]",
            /* 24 */ "sequence:",
            /* 25 */ "  - step: load",
            /* 26 */ "    where:",
            /* 27 */ "      event.action: library_load",
            /* 28 */ "      dll.name: $Libs",
            /* 29 */ "  - step: connect",
            /* 30 */ "    where:",
            /* 31 */ "      event.action: network_connection",
            /* 32 */ "timespan: $Window",
            "");

    private static final int LINE_AFTER_END = 33;

    private static PatternDefinition load(String text) throws PatternLoadException {
        return PatternLoader.parse(FILE, text);
    }

    private static List<PatternError> errorsOf(String text) {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> load(text));
        assertThat(e).as("expected the text to be rejected").isNotNull();
        return e.errors();
    }

    private static PatternError onlyErrorOf(String text) {
        List<PatternError> errors = errorsOf(text);
        assertThat(errors).as("errors").hasSize(1);
        return errors.get(0);
    }

    private static String replacing(String line, String with) {
        assertThat(MINIMAL).contains(line);
        return MINIMAL.replace(line, with);
    }

    private static String without(String line) {
        return replacing(line + "\n", "");
    }

    private static String appending(String text) {
        return MINIMAL + text;
    }

    // --- a valid pattern

    @Test
    void loadsTheMetadataOfAValidPattern() throws Exception {
        PatternDefinition def = load(MINIMAL);

        assertThat(List.of(def.file(), def.id(), def.title(), def.technique(), def.strategy(), def.platform(),
                def.severity())).containsExactly(FILE, "T-LOAD", "A test pattern", "T1573.001", "DET0143", "windows",
                "high");
    }

    @Test
    void defaultsTacticAndConfidence() throws Exception {
        PatternDefinition def = load(MINIMAL);

        assertThat(List.of(def.tactic(), def.confidence())).containsExactly("TA0011", "medium");
    }

    @Test
    void loadsStepsInOrderWithTheirLines() throws Exception {
        PatternDefinition def = load(MINIMAL);

        assertThat(def.sequence()).extracting(StepDefinition::name, StepDefinition::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("load", 25),
                        org.assertj.core.groups.Tuple.tuple("connect", 29));
    }

    @Test
    void loadsGroupByTimespanAndAggregatesOverTheLastStepByDefault() throws Exception {
        PatternDefinition def = load(MINIMAL);

        assertThat(List.of(def.groupBy(), def.timespan(), def.timespanLine(), def.aggregateOver()))
                .containsExactly(List.of("host.name", "process.instance"), "$Window", 32, "connect");
    }

    @Test
    void infersAListParameterFromASequenceDefault() throws Exception {
        ParameterSpec p = load(MINIMAL).parameters().get("Libs");

        assertThat(List.of(p.type(), p.defaultValue(), p.line()))
                .containsExactly(ParameterType.LIST, List.of("a.dll", "b.dll"), 8);
    }

    @Test
    void infersANumberParameter() throws Exception {
        ParameterSpec p = load(MINIMAL).parameters().get("Threshold");

        assertThat(List.of(p.type(), p.defaultValue())).containsExactly(ParameterType.NUMBER, 7.2);
    }

    @Test
    void infersADurationParameter() throws Exception {
        ParameterSpec p = load(MINIMAL).parameters().get("Window");

        assertThat(List.of(p.type(), p.defaultValue())).containsExactly(ParameterType.DURATION, Duration.ofMinutes(15));
    }

    @Test
    void infersABooleanParameter() throws Exception {
        ParameterSpec p = load(MINIMAL).parameters().get("Enabled");

        assertThat(List.of(p.type(), p.defaultValue())).containsExactly(ParameterType.BOOLEAN, true);
    }

    @Test
    void infersAStringParameter() throws Exception {
        ParameterSpec p = load(MINIMAL).parameters().get("Label");

        assertThat(List.of(p.type(), p.defaultValue(), p.description()))
                .containsExactly(ParameterType.STRING, "hello", "a string");
    }

    @Test
    void aDeclaredTypeOverridesInference() throws Exception {
        PatternDefinition def = load(replacing("    default: hello", "    type: list\n    default: hello"));

        assertThat(def.parameters().get("Label").defaultValue()).isEqualTo(List.of("hello"));
    }

    // --- errors: file, line, reason

    @Test
    void reportsInvalidYamlAtTheLineOfTheProblem() {
        PatternError e = onlyErrorOf("id: T\ntitle: fine\nseverity: high: very\nplatform: windows\n");

        assertThat(List.of(e.file(), e.line())).containsExactly(FILE, 3);
        assertThat(e.reason()).startsWith("not valid YAML");
    }

    @Test
    void reportsAnEmptyFile() {
        PatternError e = onlyErrorOf("# nothing here\n");

        assertThat(e.reason()).contains("empty");
    }

    @Test
    void loadsAttackNamesAndTheRuleVersion() throws Exception {
        PatternDefinition def = load(appending("attack-names: {T1573.001: Symmetric Cryptography, TA0011: C2}\nversion: 3\n"));

        assertThat(def.attackNames()).containsEntry("T1573.001", "Symmetric Cryptography").containsEntry("TA0011", "C2");
        assertThat(def.version()).isEqualTo("3");
    }

    @Test
    void reportsAnAttackNameOfNoAttackIdWithItsLine() {
        PatternError e = onlyErrorOf(appending("attack-names:\n  C2: Command and Control\n"));

        assertThat(e.line()).isEqualTo(LINE_AFTER_END + 1);
        assertThat(e.reason()).contains("'C2' is not an ATT&CK id");
    }

    @Test
    void reportsUnknownTopLevelKeyWithItsLine() {
        PatternError e = onlyErrorOf(appending("colour: red\n"));

        assertThat(List.of(e.file(), e.line())).containsExactly(FILE, LINE_AFTER_END);
        assertThat(e.reason()).contains("unknown key 'colour'");
    }

    @Test
    void reportsAMissingIdOnLineOne() {
        PatternError e = onlyErrorOf(without("id: T-LOAD"));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("missing required key 'id'");
    }

    @Test
    void reportsAMissingTitle() {
        assertThat(onlyErrorOf(without("title: A test pattern")).reason()).isEqualTo("missing required key 'title'");
    }

    @Test
    void reportsAMissingTechnique() {
        assertThat(onlyErrorOf(without("technique: T1573.001")).reason())
                .isEqualTo("missing required key 'technique'");
    }

    @Test
    void reportsAMissingStrategy() {
        assertThat(onlyErrorOf(without("strategy: DET0143")).reason()).isEqualTo("missing required key 'strategy'");
    }

    @Test
    void reportsAMissingPlatform() {
        assertThat(onlyErrorOf(without("platform: windows")).reason()).isEqualTo("missing required key 'platform'");
    }

    @Test
    void reportsAMissingSeverity() {
        assertThat(onlyErrorOf(without("severity: high")).reason()).isEqualTo("missing required key 'severity'");
    }

    @Test
    void reportsAMissingSequence() {
        String text = MINIMAL.substring(0, MINIMAL.indexOf("sequence:")) + "timespan: $Window\n";

        PatternError e = onlyErrorOf(text);

        assertThat(List.of(e.line(), e.reason())).containsExactly(1, "missing required key 'sequence'");
    }

    @Test
    void reportsAMissingGroupBy() {
        PatternError e = onlyErrorOf(without("group-by: [host.name, process.instance]"));

        assertThat(e.reason()).startsWith("group-by is required");
    }

    @Test
    void reportsAMissingTimespanForASequenceOfTwoSteps() {
        PatternError e = onlyErrorOf(without("timespan: $Window"));

        assertThat(e.reason()).startsWith("timespan is required");
    }

    @Test
    void reportsABadTechniqueIdOnItsLine() {
        PatternError e = onlyErrorOf(replacing("technique: T1573.001", "technique: T157"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).contains("'T157'").contains("ATT&CK id");
    }

    @Test
    void reportsABadSeverityOnItsLine() {
        PatternError e = onlyErrorOf(replacing("severity: high", "severity: urgent"));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.reason()).contains("severity 'urgent' is not one of");
    }

    @Test
    void reportsAParameterWithoutDefaultOnItsLine() {
        PatternError e = onlyErrorOf(without("    default: hello"));

        assertThat(List.of(e.line(), e.reason())).containsExactly(20, "parameter Label has no default");
    }

    @Test
    void reportsAParameterWithoutDescriptionOnItsLine() {
        PatternError e = onlyErrorOf(without("    description: a string"));

        assertThat(List.of(e.line(), e.reason())).containsExactly(20, "parameter Label has no description");
    }

    @Test
    void reportsADefaultThatDoesNotFitItsDeclaredType() {
        PatternError e = onlyErrorOf(replacing("    default: hello", "    type: duration\n    default: hello"));

        assertThat(e.line()).as("the line of the default, after the inserted type line").isEqualTo(23);
        assertThat(e.reason()).startsWith("default of Label:");
    }

    @Test
    void reportsAnOverflowingDurationDefaultAsAnError() {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class,
                () -> load(replacing("    default: 15m", "    default: 200000000000000d")));

        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.line()).isEqualTo(16);
            assertThat(err.reason()).contains("too large");
        });
    }

    @Test
    void reportsADuplicateStepNameOnTheSecondStep() {
        PatternError e = onlyErrorOf(replacing("  - step: connect", "  - step: load"));

        assertThat(List.of(e.line(), e.reason())).containsExactly(29, "step name 'load' is used twice");
    }

    @Test
    void reportsAnUnknownKeyInAStepOnItsLine() {
        PatternError e = onlyErrorOf(replacing("  - step: connect\n", "  - step: connect\n    within: 5m\n"));

        assertThat(e.line()).isEqualTo(30);
        assertThat(e.reason()).contains("unknown key 'within' in a step");
    }

    @Test
    void reportsAStepWithoutWhere() {
        String text = MINIMAL.replace("    where:\n      event.action: network_connection\n", "");

        PatternError e = onlyErrorOf(text);

        assertThat(List.of(e.line(), e.reason())).containsExactly(29, "step connect has no 'where'");
    }

    @Test
    void readsAnAbsentStep() throws Exception {
        PatternDefinition def = load(replacing("  - step: connect\n", "  - step: connect\n    absent: true\n")
                + "aggregate:\n  over: load\n");

        assertThat(def.sequence()).extracting(StepDefinition::absent).containsExactly(false, true);
    }

    @Test
    void reportsAnAbsentFirstStepOnItsLine() {
        PatternError e = onlyErrorOf(replacing("  - step: load\n", "  - step: load\n    absent: true\n")
                + "aggregate:\n  over: connect\n");

        assertThat(List.of(e.line(), e.reason().startsWith("the first step cannot be absent"))).containsExactly(25, true);
    }

    @Test
    void reportsAggregatingOverAnAbsentStep() {
        PatternError e = onlyErrorOf(replacing("  - step: connect\n", "  - step: connect\n    absent: true\n"));

        assertThat(e.reason()).isEqualTo("aggregate over 'connect': an absent step has no events");
    }

    @Test
    void reportsASummaryReferencingAnUnknownStep() {
        PatternError e = onlyErrorOf(appending("summary:\n  Libs: distinct(nostep.dll.name)\n"));

        assertThat(e.line()).isEqualTo(LINE_AFTER_END + 1);
        assertThat(e.reason()).contains("'nostep' is not a step");
    }

    @Test
    void reportsASummaryReferencingAnUnknownField() {
        PatternError e = onlyErrorOf(appending("summary:\n  Libs: distinct(load.dll.nmae)\n"));

        assertThat(e.line()).isEqualTo(LINE_AFTER_END + 1);
        assertThat(e.reason()).contains("unknown field 'dll.nmae'");
    }

    @Test
    void reportsASummaryReferencingAnUnknownAggregate() {
        PatternError e = onlyErrorOf(appending("summary:\n  Count: connections.cnt\n"));

        assertThat(e.line()).isEqualTo(LINE_AFTER_END + 1);
        assertThat(e.reason()).contains("'connections.cnt' is neither an aggregate");
    }

    @Test
    void readsAValidSummary() throws Exception {
        PatternDefinition def = load(appending(
                "summary:\n  Libs: distinct(load.dll.name)\n  Count: connections.count\n"));

        assertThat(def.summary()).extracting(SummaryItem::name, SummaryItem::step, SummaryItem::field,
                SummaryItem::aggregate).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Libs", "load", "dll.name", null),
                        org.assertj.core.groups.Tuple.tuple("Count", null, null, Aggregate.CONNECTIONS_COUNT));
    }

    @Test
    void reportsAnAggregateOverThatIsNotAStep() {
        PatternError e = onlyErrorOf(appending("aggregate:\n  over: nowhere\n"));

        assertThat(e.line()).isEqualTo(LINE_AFTER_END + 1);
        assertThat(e.reason()).contains("aggregate over 'nowhere' is not a step");
    }

    @Test
    void aggregateOverNamesTheStep() throws Exception {
        assertThat(load(appending("aggregate:\n  over: load\n")).aggregateOver()).isEqualTo("load");
    }

    @Test
    void aggregateStrongIsAConditionOverEventsAndOtherKeysAreRejected() throws Exception {
        assertThat(load(appending("aggregate:\n  over: connect\n  strong: {network.duration|gte: 300}\n"))
                .strongEvidence()).isNotNull();
        PatternError e = onlyErrorOf(appending("aggregate:\n  over: connect\n  strongest: {network.duration: 1}\n"));

        assertThat(e.line()).isEqualTo(LINE_AFTER_END + 2);
        assertThat(e.reason()).contains("unknown key 'strongest' in aggregate");
    }

    @Test
    void reportsEveryErrorOfAFileWithItsLine() {
        String text = appending("colour: red\n")
                .replace("technique: T1573.001", "technique: X1")
                .replace("severity: high", "severity: urgent")
                .replace("  - step: connect", "  - step: load");

        List<PatternError> errors = errorsOf(text);

        assertThat(errors).extracting(PatternError::line).containsExactlyInAnyOrder(LINE_AFTER_END, 3, 6, 29);
    }

    @Test
    void everyErrorNamesTheFile() {
        List<PatternError> errors = errorsOf(appending("colour: red\n").replace("severity: high", "severity: urgent"));

        assertThat(errors).extracting(PatternError::file).containsOnly(FILE);
    }

    @Test
    void theExceptionMessageListsEveryErrorAsFileLineReason() {
        String text = appending("colour: red\n").replace("severity: high", "severity: urgent");

        assertThatThrownBy(() -> load(text)).hasMessageContaining(FILE + ":6: severity 'urgent'")
                .hasMessageContaining(FILE + ":" + LINE_AFTER_END + ": unknown key 'colour'")
                .hasMessageStartingWith("2 error(s)");
    }

    @Test
    void reportsADuplicateTopLevelKey() {
        PatternError e = onlyErrorOf(appending("severity: low\n"));

        assertThat(List.of(e.line(), e.reason())).containsExactly(LINE_AFTER_END, "duplicate key 'severity' in a pattern file");
    }

    // --- hostile input: bounded work

    /** The where of step connect (line 30) as a billion-laughs shape: anchor cN lists c(N-1) five times. */
    private static String withAliasBomb(int anchors) {
        StringBuilder where = new StringBuilder("    where:\n      any:\n        - &c0 {event.action: library_load}\n");
        for (int n = 1; n <= anchors; n++) {
            where.append("        - &c").append(n).append(" {any: [")
                    .append(String.join(", ", Collections.nCopies(5, "*c" + (n - 1)))).append("]}\n");
        }
        return replacing("    where:\n      event.action: network_connection\n", where.toString());
    }

    @Test
    void anAliasBombIsRejectedAtTheLineOfTheAnchorThatOutgrowsAPattern() {
        PatternError e = onlyErrorOf(withAliasBomb(8));

        assertThat(e.line()).as("a line of the anchors c1..c8").isBetween(33, 40);
        assertThat(e.reason()).startsWith("this value expands to more than " + PatternYaml.MAX_NODES + " YAML nodes");
    }

    @Test
    void anAliasThatReusesAValueReadsAsTheValueWrittenOut() throws Exception {
        PatternDefinition def = load(withAliasBomb(2));

        assertThat(fieldTests(def.sequence().get(1).where())).as("c0, c1 = 5 x c0, c2 = 5 x c1").isEqualTo(1 + 5 + 25);
    }

    private static int fieldTests(ConditionNode n) {
        return n.kind() == ConditionNode.Kind.TEST ? 1 : n.children().stream().mapToInt(c -> fieldTests(c)).sum();
    }

    @Test
    void anAliasInsideItsOwnAnchorIsRejectedAtItsLine() {
        PatternError e = onlyErrorOf(replacing("      event.action: network_connection\n",
                "      any:\n        - &loop {any: [*loop]}\n"));

        assertThat(e.line()).isEqualTo(32);
        assertThat(e.reason()).contains("nests more than " + PatternYaml.MAX_DEPTH);
    }

    @Test
    void aPatternPathThatIsNotARegularFileIsRefusedUnread() {
        Path device = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(device), "a Unix device");

        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> PatternLoader.load(device));

        assertThat(e.errors()).extracting(PatternError::toString)
                .containsExactly("/dev/null:0: cannot read: not a regular file");
    }

    @Test
    void aPatternFileOverTheSizeLimitIsRefusedUnparsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("T-LOAD.yml");
        Files.writeString(file, MINIMAL + "#" + "x".repeat(PatternYaml.MAX_FILE_SIZE - MINIMAL.length()) + "\n");

        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> PatternLoader.load(file));

        assertThat(e.errors()).extracting(PatternError::reason)
                .containsExactly("cannot read: larger than " + PatternYaml.MAX_FILE_SIZE + " bytes");
    }
}
