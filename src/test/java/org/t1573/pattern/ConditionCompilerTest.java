package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.t1573.event.Event;

/** Step predicates compiled from pattern YAML and evaluated on events. */
class ConditionCompilerTest {
    private static final String FILE = "cond.yml";

    private static final String HEADER = String.join("\n",
            /* 1 */ "id: T-COND",
            /* 2 */ "title: condition test",
            /* 3 */ "technique: T1573",
            /* 4 */ "strategy: DET0143",
            /* 5 */ "platform: windows",
            /* 6 */ "severity: low",
            /* 7 */ "group-by: [host.name]",
            /* 8 */ "parameters:",
            /* 9 */ "  Internal: {description: d, default: [10.0.0.0/8, 127.0.0.0/8, \"::1/128\", \"fe80::/10\"]}",
            /* 10 */ "  Ports: {description: d, default: [\"80\", \"443\"]}",
            /* 11 */ "  Names: {description: d, default: [evil.exe, bad.exe]}",
            /* 12 */ "sequence:",
            /* 13 */ "  - step: s",
            /* 14 */ "    where:",
            "");

    /** Line of the first line of a where text. */
    private static final int WHERE = 15;

    // --- fixtures

    private static String patternWith(String where) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (String line : where.split("\n", -1)) {
            sb.append("      ").append(line).append('\n');
        }
        return sb.append("timespan: 5m\n").toString();
    }

    private static CompiledPattern compile(String where) {
        try {
            PatternDefinition def = PatternLoader.parse(FILE, patternWith(where));
            return PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
        } catch (PatternLoadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static boolean matches(String where, Event e) {
        return compile(where).matchesStep(0, e);
    }

    private static PatternError onlyErrorOf(String where) {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> {
            PatternDefinition def = PatternLoader.parse(FILE, patternWith(where));
            PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
        });
        assertThat(e).as("expected an error").isNotNull();
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).file()).isEqualTo(FILE);
        return e.errors().get(0);
    }

    private static Event process(String name) {
        Event e = new Event();
        e.hostName = "h";
        e.processName = name;
        return e;
    }

    private static Event commandLine(String commandLine) {
        Event e = process("powershell.exe");
        e.processCommandLine = commandLine;
        return e;
    }

    private static Event to(String ip) {
        Event e = new Event();
        e.hostName = "h";
        e.destinationIp = ip;
        return e;
    }

    private static Event toPort(int port) {
        Event e = to("8.8.8.8");
        e.destinationPort = port;
        return e;
    }

    private static Event withEntropy(double entropy) {
        Event e = to("8.8.8.8");
        e.payloadEntropy = entropy;
        return e;
    }

    /** An event with only host.name set: every other field is null. */
    private static Event bare() {
        Event e = new Event();
        e.hostName = "h";
        return e;
    }

    // --- equality

    @Test
    void equalsIsCaseInsensitive() {
        assertThat(matches("process.name: Rundll32.EXE", process("rundll32.exe"))).isTrue();
    }

    @Test
    void casedEqualsIsCaseSensitive() {
        assertThat(matches("process.name|cased: Rundll32.exe", process("rundll32.exe"))).isFalse();
    }

    @Test
    void casedEqualsMatchesTheExactText() {
        assertThat(matches("process.name|cased: Rundll32.exe", process("Rundll32.exe"))).isTrue();
    }

    @Test
    void aListOfValuesMeansAnyOfThem() {
        CompiledPattern p = compile("process.name: [a.exe, b.exe]");

        assertThat(List.of(p.matchesStep(0, process("b.exe")), p.matchesStep(0, process("c.exe"))))
                .containsExactly(true, false);
    }

    @Test
    void equalsOnABooleanField() {
        Event unsigned = process("x.exe");
        unsigned.dllSigned = false;

        assertThat(matches("dll.code_signature.exists: false", unsigned)).isTrue();
    }

    // --- substrings

    @Test
    void containsIsCaseInsensitive() {
        assertThat(matches("process.command_line|contains: -ENC", commandLine("powershell -nop -enc AAAA"))).isTrue();
    }

    @Test
    void startswithIsCaseInsensitive() {
        assertThat(matches("process.command_line|startswith: POWERSHELL", commandLine("powershell -nop"))).isTrue();
    }

    @Test
    void endswithIsCaseInsensitive() {
        assertThat(matches("process.name|endswith: .EXE", process("x.exe"))).isTrue();
    }

    @Test
    void startswithDoesNotMatchInTheMiddle() {
        assertThat(matches("process.command_line|startswith: nop", commandLine("powershell -nop"))).isFalse();
    }

    @Test
    void casedContainsIsCaseSensitive() {
        assertThat(matches("process.command_line|contains|cased: -ENC", commandLine("powershell -enc AAAA")))
                .isFalse();
    }

    // --- regular expressions

    @Test
    void reSearchesAnywhereInTheValue() {
        assertThat(matches("process.command_line|re: '-enc\\s+[A-Za-z0-9+/=]{4}'",
                commandLine("powershell.exe -nop -enc SQBFAFgA"))).isTrue();
    }

    @Test
    void reDoesNotMatchWhenThePatternIsAbsent() {
        assertThat(matches("process.command_line|re: '^cmd'", commandLine("powershell.exe cmd"))).isFalse();
    }

    @Test
    void reIsRe2SoABackreferenceIsAnError() {
        PatternError e = onlyErrorOf("process.command_line|re: '(a)\\1'");

        assertThat(e.reason()).startsWith("invalid RE2 regular expression");
    }

    @Test
    void reportsAnInvalidRegexWithItsLine() {
        PatternError e = onlyErrorOf("event.action: library_load\nprocess.command_line|re: '(unclosed'");

        assertThat(e.line()).isEqualTo(WHERE + 1);
        assertThat(e.reason()).contains("missing closing )");
    }

    // --- addresses

    @Test
    void cidrMatchesAnIpv4AddressInTheBlock() {
        assertThat(matches("destination.ip|cidr: 192.0.2.0/24", to("192.0.2.77"))).isTrue();
    }

    @Test
    void cidrDoesNotMatchAnIpv4AddressOutsideTheBlock() {
        assertThat(matches("destination.ip|cidr: 192.0.2.0/24", to("192.0.3.1"))).isFalse();
    }

    @Test
    void cidrMatchesAnIpv6AddressInTheBlock() {
        assertThat(matches("destination.ip|cidr: '2001:db8::/32'", to("2001:db8::1"))).isTrue();
    }

    @Test
    void cidrMatchesAnUncompressedIpv6Address() {
        assertThat(matches("destination.ip|cidr: '2001:db8::/32'", to("2001:db8:0:0:0:0:0:1"))).isTrue();
    }

    @Test
    void internalMatchesAPrivateIpv4Address() {
        assertThat(matches("destination.ip|internal: $Internal", to("10.1.2.3"))).isTrue();
    }

    @Test
    void externalMatchesAPublicIpv4Address() {
        assertThat(matches("destination.ip|external: $Internal", to("8.8.8.8"))).isTrue();
    }

    @Test
    void externalDoesNotMatchAPrivateIpv4Address() {
        assertThat(matches("destination.ip|external: $Internal", to("10.1.2.3"))).isFalse();
    }

    @Test
    void externalMatchesAPublicIpv6Address() {
        assertThat(matches("destination.ip|external: $Internal", to("2001:db8::1"))).isTrue();
    }

    @Test
    void externalDoesNotMatchALinkLocalIpv6Address() {
        assertThat(matches("destination.ip|external: $Internal", to("fe80::1"))).isFalse();
    }

    @Test
    void externalDoesNotMatchTheUncompressedIpv6LoopbackSysmonWrites() {
        assertThat(matches("destination.ip|external: $Internal", to("0:0:0:0:0:0:0:1"))).isFalse();
    }

    @Test
    void internalMatchesTheUncompressedIpv6LoopbackSysmonWrites() {
        assertThat(matches("destination.ip|internal: $Internal", to("0:0:0:0:0:0:0:1"))).isTrue();
    }

    @Test
    void externalJudgesAnIpv4MappedIpv6AddressByItsIpv4Address() {
        assertThat(matches("destination.ip|external: $Internal", to("::ffff:10.1.2.3"))).isFalse();
    }

    @Test
    void externalIsFalseForAHostName() {
        assertThat(matches("destination.ip|external: $Internal", to("example.com"))).isFalse();
    }

    @Test
    void internalIsFalseForAHostName() {
        assertThat(matches("destination.ip|internal: $Internal", to("example.com"))).isFalse();
    }

    @Test
    void cidrOnANonAddressFieldIsAnError() {
        PatternError e = onlyErrorOf("process.name|cidr: 10.0.0.0/8");

        assertThat(e.reason()).contains("needs an IP address field");
    }

    @Test
    void anInvalidCidrBlockIsAnError() {
        PatternError e = onlyErrorOf("destination.ip|cidr: 10.0.0.0/99");

        assertThat(List.of(e.line(), e.reason().contains("10.0.0.0/99"))).containsExactly(WHERE, true);
    }

    // --- numbers

    @Test
    void gtComparesThePort() {
        CompiledPattern p = compile("destination.port|gt: 1024");

        assertThat(List.of(p.matchesStep(0, toPort(1024)), p.matchesStep(0, toPort(1025))))
                .containsExactly(false, true);
    }

    @Test
    void gteComparesThePort() {
        CompiledPattern p = compile("destination.port|gte: 1024");

        assertThat(List.of(p.matchesStep(0, toPort(1023)), p.matchesStep(0, toPort(1024))))
                .containsExactly(false, true);
    }

    @Test
    void ltComparesThePort() {
        CompiledPattern p = compile("destination.port|lt: 1024");

        assertThat(List.of(p.matchesStep(0, toPort(1023)), p.matchesStep(0, toPort(1024))))
                .containsExactly(true, false);
    }

    @Test
    void lteComparesThePort() {
        CompiledPattern p = compile("destination.port|lte: 1024");

        assertThat(List.of(p.matchesStep(0, toPort(1024)), p.matchesStep(0, toPort(1025))))
                .containsExactly(true, false);
    }

    @Test
    void gteComparesTheEntropyAsADouble() {
        CompiledPattern p = compile("network.payload_entropy|gte: 7.2");

        assertThat(List.of(p.matchesStep(0, withEntropy(7.19)), p.matchesStep(0, withEntropy(7.2))))
                .containsExactly(false, true);
    }

    @Test
    void ltComparesTheEntropyAsADouble() {
        CompiledPattern p = compile("network.payload_entropy|lt: 7.2");

        assertThat(List.of(p.matchesStep(0, withEntropy(7.19)), p.matchesStep(0, withEntropy(7.2))))
                .containsExactly(true, false);
    }

    @Test
    void numericEqualsMatchesAPortListGivenAsStrings() {
        CompiledPattern p = compile("destination.port: ['80', '443']");

        assertThat(List.of(p.matchesStep(0, toPort(443)), p.matchesStep(0, toPort(4444))))
                .containsExactly(true, false);
    }

    @Test
    void numericEqualsMatchesAPortListParameter() {
        CompiledPattern p = compile("destination.port: $Ports");

        assertThat(List.of(p.matchesStep(0, toPort(80)), p.matchesStep(0, toPort(8080))))
                .containsExactly(true, false);
    }

    @Test
    void numericEqualsWithANonNumberIsAnError() {
        PatternError e = onlyErrorOf("destination.port: https");

        assertThat(e.reason()).contains("'https' is not a number");
    }

    @Test
    void aNumericOperatorOnAStringFieldIsAnError() {
        PatternError e = onlyErrorOf("process.name|gt: 5");

        assertThat(List.of(e.line(), e.reason())).containsExactly(WHERE, "process.name|gt: |gt needs a numeric field, not a STRING");
    }

    @Test
    void aNumericOperatorNeedsExactlyOneValue() {
        PatternError e = onlyErrorOf("destination.port|gt: [1, 2]");

        assertThat(e.reason()).contains("needs exactly one value, got 2");
    }

    // --- exists

    @Test
    void existsTrueMatchesAPresentField() {
        assertThat(matches("process.name|exists: true", process("x.exe"))).isTrue();
    }

    @Test
    void existsTrueDoesNotMatchAnAbsentField() {
        assertThat(matches("process.name|exists: true", bare())).isFalse();
    }

    @Test
    void existsFalseMatchesAnAbsentField() {
        assertThat(matches("process.name|exists: false", bare())).isTrue();
    }

    @Test
    void existsFalseDoesNotMatchAPresentField() {
        assertThat(matches("process.name|exists: false", process("x.exe"))).isFalse();
    }

    @Test
    void existsNeedsTrueOrFalse() {
        assertThat(onlyErrorOf("process.name|exists: maybe").reason()).contains("'maybe' is not true or false");
    }

    // --- combinations

    @Test
    void aMappingNeedsAllOfItsTests() {
        Event e = process("x.exe");
        e.action = "other";

        assertThat(matches("process.name: x.exe\nevent.action: library_load", e)).isFalse();
    }

    @Test
    void aListOfMappingsMeansAnyOfThem() {
        String where = "- process.name: a.exe\n- process.name: b.exe";

        CompiledPattern p = compile(where);

        assertThat(List.of(p.matchesStep(0, process("b.exe")), p.matchesStep(0, process("c.exe"))))
                .containsExactly(true, false);
    }

    @Test
    void notNegatesItsMapping() {
        CompiledPattern p = compile("not:\n  process.name: a.exe");

        assertThat(List.of(p.matchesStep(0, process("a.exe")), p.matchesStep(0, process("b.exe"))))
                .containsExactly(false, true);
    }

    @Test
    void anyAllAndNotNest() {
        String where = String.join("\n",
                "any:",
                "  - all:",
                "      - process.name: a.exe",
                "      - not: {process.command_line|contains: safe}",
                "  - process.name: b.exe");
        CompiledPattern p = compile(where);
        Event aUnsafe = commandLine("run it");
        aUnsafe.processName = "a.exe";
        Event aSafe = commandLine("safe mode");
        aSafe.processName = "a.exe";

        assertThat(List.of(p.matchesStep(0, aUnsafe), p.matchesStep(0, aSafe), p.matchesStep(0, process("b.exe"))))
                .containsExactly(true, false, true);
    }

    // --- parameters

    @Test
    void aListParameterExpandsToAnyOfItsValues() {
        CompiledPattern p = compile("process.name: $Names");

        assertThat(List.of(p.matchesStep(0, process("BAD.exe")), p.matchesStep(0, process("good.exe"))))
                .containsExactly(true, false);
    }

    @Test
    void aParameterMixesWithLiterals() {
        assertThat(matches("process.name: [$Names, other.exe]", process("other.exe"))).isTrue();
    }

    @Test
    void aDoubleDollarIsALiteralDollar() {
        assertThat(matches("process.name: $$Names", process("$Names"))).isTrue();
    }

    @Test
    void anUnknownParameterIsAnErrorWithItsLine() {
        PatternError e = onlyErrorOf("event.action: library_load\nprocess.name: $Nmes");

        assertThat(e.line()).isEqualTo(WHERE + 1);
        assertThat(e.reason()).startsWith("unknown parameter '$Nmes'");
    }

    // --- unknown names

    @Test
    void anUnknownFieldIsAnErrorWithItsLine() {
        PatternError e = onlyErrorOf("event.action: library_load\nprocess.nmae: a.exe");

        assertThat(List.of(e.line(), e.reason()))
                .containsExactly(WHERE + 1, "unknown field 'process.nmae' (did you mean process.name?)");
    }

    @Test
    void anUnknownFieldSuggestsFieldsEndingWithTheSameName() {
        PatternError e = onlyErrorOf("dest.port: 443");

        assertThat(e.reason()).startsWith("unknown field 'dest.port' (did you mean ")
                .contains("destination.port").contains("source.port");
    }

    @Test
    void anUnknownModifierIsAnErrorWithItsLine() {
        PatternError e = onlyErrorOf("event.action: library_load\nprocess.name|endswidth: .exe");

        assertThat(e.line()).isEqualTo(WHERE + 1);
        assertThat(e.reason()).startsWith("unknown modifier '|endswidth'");
    }

    @Test
    void twoOperatorModifiersAreAnError() {
        PatternError e = onlyErrorOf("process.name|contains|endswith: .exe");

        assertThat(e.reason()).startsWith("more than one operator modifier");
    }

    @Test
    void reportsEveryBadTestOfAStep() {
        PatternLoadException e = catchThrowableOfType(PatternLoadException.class, () -> {
            PatternDefinition def = PatternLoader.parse(FILE, patternWith("process.nmae: a\nprocess.name|gt: 1\nx.y: 2"));
            PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
        });

        assertThat(e.errors()).extracting(PatternError::line).containsExactly(WHERE, WHERE + 1, WHERE + 2);
    }

    // --- absent values

    @ParameterizedTest
    @ValueSource(strings = {
        "process.name: x.exe",
        "process.name|cased: x.exe",
        "process.name|contains: x",
        "process.name|startswith: x",
        "process.name|endswith: x",
        "process.name|re: '.*'",
        "process.name|exists: true",
        "destination.port|gt: -1",
        "destination.port|lte: 65535",
        "destination.port: 443",
        "destination.ip|cidr: 0.0.0.0/0",
        "destination.ip|internal: $Internal",
        "destination.ip|external: $Internal",
        "dll.code_signature.exists: false",
    })
    void anAbsentFieldNeverMatches(String where) {
        Event e = new Event();
        e.hostName = "h";

        assertThat(matches(where, e)).isFalse();
    }

    @Test
    void anAbsentFieldMatchesExistsFalse() {
        assertThat(matches("destination.ip|exists: false", bare())).isTrue();
    }

    // --- ConditionCompiler used directly

    @Test
    void compilesAHandBuiltNodeAgainstTheEventFieldResolver() {
        List<PatternError> errors = new java.util.ArrayList<>();
        ConditionCompiler<Event> compiler = new ConditionCompiler<>(EventFieldResolver.INSTANCE,
                ParameterValues.defaults(java.util.Map.of()), FILE, errors);

        Condition<Event> c = compiler.compile(ConditionNode.test("process.name", List.of("endswith"), List.of("32.exe"), 7));

        assertThat(List.of(c.test(process("rundll32.exe")), errors.isEmpty())).containsExactly(true, true);
    }

    @Test
    void processInstanceIsAFieldOfItsOwn() {
        Event e = process("x.exe");
        e.processEntityId = "{guid}";

        assertThat(matches("process.instance: '{GUID}'", e)).isTrue();
    }
}
