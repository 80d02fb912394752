package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventField;

/**
 * Values that equality tests compare an enumerated field with must be in the field's vocabulary
 * (what the parsers emit), and a wrong parameter is reported at the parameter's own line.
 */
class ValueVocabularyTest {
    private static final String FILE = "vocab.yml";
    private static final int ACTIONS_LINE = 9;
    private static final int THRESHOLD_LINE = 10;
    private static final int WHERE_LINE = 14;

    /** A pattern with parameters Actions and Threshold of the given defaults and one where test. */
    private static String pattern(String actions, String threshold, String where) {
        return String.join("\n",
                /* 1 */ "id: T-VOCAB",
                /* 2 */ "title: vocabulary test",
                /* 3 */ "technique: T1573",
                /* 4 */ "strategy: DET0143",
                /* 5 */ "platform: windows",
                /* 6 */ "severity: low",
                /* 7 */ "group-by: [host.name]",
                /* 8 */ "parameters:",
                /* 9 */ "  Actions: {description: d, default: " + actions + "}",
                /* 10 */ "  Threshold: {description: d, default: " + threshold + "}",
                /* 11 */ "sequence:",
                /* 12 */ "  - step: s",
                /* 13 */ "    where:",
                /* 14 */ "      " + where,
                "timespan: 5m", "");
    }

    private static String where(String test) {
        return pattern("[process_start]", "7", test);
    }

    private static CompiledPattern compile(String text) throws PatternLoadException {
        PatternDefinition def = PatternLoader.parse(FILE, text);
        return PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
    }

    private static List<PatternError> errorsOf(String text) {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> compile(text));
        assertThat(e).as("expected errors").isNotNull();
        return e.errors();
    }

    private static PatternError onlyErrorOf(String text) {
        List<PatternError> errors = errorsOf(text);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aTypoInAValueIsAnErrorAtItsLineWithASuggestion() {
        PatternError e = onlyErrorOf(where("event.action: libary_load"));

        assertThat(List.of(e.file(), e.line(), e.reason())).containsExactly(FILE, WHERE_LINE,
                "unknown event.action value 'libary_load' (did you mean library_load?)");
    }

    @Test
    void aTypoInAListOfValuesNamesTheWrongOne() {
        PatternError e = onlyErrorOf(where("event.outcome: [success, unknwn]"));

        assertThat(e.reason()).isEqualTo("unknown event.outcome value 'unknwn' (did you mean unknown?)");
    }

    @Test
    void aValueFarFromEveryKnownOneListsThem() {
        PatternError e = onlyErrorOf(where("network.direction: sideways"));

        assertThat(e.reason()).isEqualTo("unknown network.direction value 'sideways' (known: inbound, outbound)");
    }

    @Test
    void aKnownValueIsAcceptedInAnyCaseAndMatches() throws Exception {
        Event load = EventAction.LIBRARY_LOAD.newEvent();
        load.hostName = "h";

        assertThat(compile(where("event.action: Library_Load")).matchesStep(0, load)).isTrue();
    }

    @Test
    void aCasedValueMustBeSpelledAsParsersEmitIt() {
        PatternError e = onlyErrorOf(where("event.action|cased: Library_Load"));

        assertThat(e.reason()).isEqualTo("unknown event.action value 'Library_Load' (did you mean library_load?)");
    }

    @Test
    void aTypoInAParameterIsReportedAtTheParameterLine() {
        PatternError e = onlyErrorOf(pattern("[process_start, proces_end]", "7", "event.action: $Actions"));

        assertThat(List.of(e.line(), e.reason())).containsExactly(ACTIONS_LINE, "parameter Actions: unknown "
                + "event.action value 'proces_end' (did you mean process_end?) (used at line " + WHERE_LINE + ")");
    }

    @Test
    void substringTestsAndOpenFieldsTakeAnyValue() throws Exception {
        assertThat(compile(where("{event.action|startswith: proc, event.dataset: site.custom}")).stepCount())
                .isEqualTo(1);
    }

    static Stream<EventField> enumeratedFields() {
        return Stream.of(EventField.values()).filter(f -> !f.vocabulary().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("enumeratedFields")
    void everyEnumeratedFieldChecksItsValues(EventField field) {
        PatternError e = onlyErrorOf(where(field.ecsName() + ": no_such_value"));

        assertThat(e.reason()).startsWith("unknown " + field.ecsName() + " value 'no_such_value'");
    }

    @Test
    void aWrongParameterTypeIsReportedAtTheParameterLineForEveryUse() {
        List<PatternError> errors = errorsOf(pattern("[process_start]", "high",
                "{network.payload_entropy|gte: $Threshold, network.duration|lt: $Threshold}"));

        assertThat(errors).extracting(PatternError::line).containsExactly(THRESHOLD_LINE, THRESHOLD_LINE);
        assertThat(errors).extracting(PatternError::reason).containsExactly(
                "parameter Threshold: network.payload_entropy|gte: 'high' is not a number (used at line " + WHERE_LINE + ")",
                "parameter Threshold: network.duration|lt: 'high' is not a number (used at line " + WHERE_LINE + ")");
    }

    @Test
    void aWrongLiteralIsReportedAtItsTest() {
        PatternError e = onlyErrorOf(where("network.payload_entropy|gte: high"));

        assertThat(List.of(e.line(), e.reason()))
                .containsExactly(WHERE_LINE, "network.payload_entropy|gte: 'high' is not a number");
    }
}
