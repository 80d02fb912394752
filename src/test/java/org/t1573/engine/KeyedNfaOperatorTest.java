package org.t1573.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.NFA;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * The operator against the flink-cep internals it drives ({@code NFA}, {@code NFACompiler},
 * {@code SharedBuffer}, {@code NFAState}: no stability annotation): the version they are pinned at,
 * and what {@code CEP.pattern} does with them that the operator must keep doing. An upgrade of
 * flink-cep fails here first. Events are (key, "step#id", time).
 */
class KeyedNfaOperatorTest {
    private static final String PINNED_FLINK_CEP = "2.2.1";

    private static final TypeInformation<Tuple3<String, String, Long>> TYPE =
            Types.TUPLE(Types.STRING, Types.STRING, Types.LONG);
    private static final OutputTag<Tuple3<String, String, Long>> LATE = new OutputTag<>("late", TYPE);
    private static final OutputTag<String> FIRST = new OutputTag<>("first", Types.STRING);
    private static final OutputTag<String> SECOND = new OutputTag<>("second", Types.STRING);

    @Test
    void flinkCepIsTheVersionTheOperatorWasCheckedAgainst() throws Exception {
        try (JarFile jar = new JarFile(new File(NFA.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertThat(version).as("KeyedNfaOperator drives flink-cep internals: check this test class and the "
                    + "determinism ITCases against the new version, then move the pin").isEqualTo(PINNED_FLINK_CEP);
        }
    }

    @Test
    void everyLaterEventOfTheNextStepWithinTheWindowExtendsTheMatch() throws Exception {
        assertThat(twoStepMatches(false, 30, event("k", "a#1", 1), event("k", "b#2", 2), event("k", "b#3", 3),
                event("k", "b#20", 20))).containsExactly("a#1,b#2", "a#1,b#3");
    }

    @Test
    void eventsOfOneTimeAreOrderedByTheComparatorNotByArrival() throws Exception {
        assertThat(twoStepMatches(false, 5, event("k", "b#2", 1), event("k", "a#1", 1), event("k", "b#3", 2)))
                .containsExactly("a#1,b#2", "a#1,b#3");
    }

    @Test
    void anAbsentLastStepEmitsTheMatchWhenItsWindowPassesWithoutOne() throws Exception {
        try (var h = harness(List.of(spec("first", sequence("a", "c", true), FIRST)))) {
            h.processElement(event("k", "a#1", 1), 1);
            h.processElement(event("j", "a#2", 2), 2);
            h.processElement(event("j", "c#3", 3), 3);
            h.processWatermark(5);
            assertThat(values(h, FIRST)).as("windows still open").isEmpty();
            h.processWatermark(30);
            assertThat(values(h, FIRST)).containsExactly("a#1");
        }
    }

    @Test
    void patternsOfOneOperatorShareTheBufferAndStepNamesWithoutSeeingEachOther() throws Exception {
        try (var h = firstAndSecondWithin(2)) {
            play(h, "a#1@1", "b#2@2", "b#5@5", "wm@30");
            assertThat(values(h, FIRST)).containsExactly("a#1,b#2", "a#1,b#5");
            assertThat(values(h, SECOND)).containsExactly("a#1,b#2");
        }
    }

    @Test
    void patternsSharingTheBufferKeepTheirMatchesAcrossWatermarks() throws Exception {
        // The buffer numbers events per timestamp and an advance drops those numbers: an NFA fed an
        // old time after another advanced past it would reuse the other's event ids.
        try (var h = firstAndSecondWithin(5)) {
            play(h, "a#1@1", "wm@2", "b#3@3", "wm@4", "wm@7", "b#8@8", "wm@9");
            assertThat(values(h, FIRST)).containsExactly("a#1,b#3", "a#1,b#8");
            assertThat(values(h, SECOND)).containsExactly("a#1,b#3");
        }
    }

    @Test
    void sortedInputGivesTheMatchesOfTheQueue() throws Exception {
        assertThat(twoStepMatches(true, Long.MAX_VALUE, event("k", "b#2", 1), event("k", "a#1", 1),
                event("k", "a#1", 1), event("k", "b#3", 2), event("k", "b#30", 30)))
                .containsExactly("a#1,b#2", "a#1,b#3");
    }

    @Test
    void aRecordDeliveredAgainOpensNoPartialMatchAndHoldsNoState() throws Exception {
        try (var once = harness(List.of(spec("first", sequence("a", "b", false), FIRST)));
                var tenTimes = harness(List.of(spec("first", sequence("a", "b", false), FIRST)))) {
            once.processElement(event("k", "a#1", 1), 1);
            once.processElement(event("k", "b#2", 2), 2);
            for (int i = 0; i < 10; i++) {
                tenTimes.processElement(event("k", "a#1", 1), 1);
                tenTimes.processElement(event("k", "b#2", 2), 2);
            }
            once.processWatermark(5);
            tenTimes.processWatermark(5);
            assertThat(values(tenTimes, FIRST)).isEqualTo(values(once, FIRST)).containsExactly("a#1,b#2");
            assertThat(tenTimes.numKeyedStateEntries()).as("partial match open until 11, its events buffered")
                    .isEqualTo(once.numKeyedStateEntries()).isPositive();
        }
    }

    @Test
    void anEventAtOrBehindTheWatermarkIsLateNotDropped() throws Exception {
        try (var h = harness(List.of(spec("first", sequence("a", "b", false), FIRST)))) {
            h.processWatermark(10);
            h.processElement(event("k", "a#1", 10), 10);
            assertThat(h.getSideOutput(LATE)).extracting(StreamRecord::getValue)
                    .containsExactly(event("k", "a#1", 10));
        }
    }

    @Test
    void stateReturnsToNothingWhenEveryWindowHasPassed() throws Exception {
        try (var h = harness(List.of(spec("first", sequence("a", "b", false), FIRST)))) {
            h.processElement(event("k", "a#1", 1), 1);
            h.processElement(event("k", "b#2", 2), 2);
            h.processWatermark(5);
            assertThat(h.numKeyedStateEntries()).as("a partial match is open until 11").isPositive();
            h.processWatermark(100);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void closingReleasesTheSharedBuffersStatisticsTimerThread() throws Exception {
        long before = timerThreads();
        var h = harness(List.of(spec("first", sequence("a", "b", false), FIRST)));
        assertThat(timerThreads()).as("SharedBuffer starts a java.util.Timer").isGreaterThan(before);
        h.close();
        Thread.sleep(100);
        assertThat(timerThreads()).isEqualTo(before);
    }

    /** The matches of a followed-by-any b within 10, each event at its own time, then the watermark. */
    @SafeVarargs
    private static List<String> twoStepMatches(boolean sortedInput, long watermark,
            Tuple3<String, String, Long>... events) throws Exception {
        try (var h = harness(List.of(spec("first", sequence("a", "b", false), FIRST)), sortedInput)) {
            for (Tuple3<String, String, Long> e : events) {
                h.processElement(e, e.f2);
            }
            h.processWatermark(watermark);
            return values(h, FIRST);
        }
    }

    /** Two two-step patterns with the same step names: "first" within 10, "second" within {@code window}. */
    private static KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, Long>, Void>
            firstAndSecondWithin(long window) throws Exception {
        return harness(List.of(spec("first", sequence("a", "b", false), FIRST),
                spec("second", sequence("a", "b", false).within(Duration.ofMillis(window)), SECOND)));
    }

    /** "step#id@time": that event of key k at that time; "wm@time": a watermark. */
    private static void play(KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, Long>, Void> h,
            String... script) throws Exception {
        for (String line : script) {
            String[] at = line.split("@");
            long time = Long.parseLong(at[1]);
            if (at[0].equals("wm")) {
                h.processWatermark(time);
            } else {
                h.processElement(event("k", at[0], time), time);
            }
        }
    }

    private static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("Timer-")).count();
    }

    private static Tuple3<String, String, Long> event(String key, String stepAndId, long time) {
        return Tuple3.of(key, stepAndId, time);
    }

    private static Pattern<Tuple3<String, String, Long>, ?> sequence(String first, String next, boolean absent) {
        Pattern<Tuple3<String, String, Long>, Tuple3<String, String, Long>> p =
                Pattern.<Tuple3<String, String, Long>>begin(first, AfterMatchSkipStrategy.noSkip()).where(new Step(first));
        p = absent ? p.notFollowedBy(next).where(new Step(next)) : p.followedByAny(next).where(new Step(next));
        return p.within(Duration.ofMillis(10));
    }

    private static NfaSpec<Tuple3<String, String, Long>, String> spec(String name,
            Pattern<Tuple3<String, String, Long>, ?> pattern, OutputTag<String> out) {
        return NfaSpec.of(name, pattern, e -> true, new Joined(), out);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, Long>, Void> harness(
            List<NfaSpec<Tuple3<String, String, Long>, ?>> specs) throws Exception {
        return harness(specs, false);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, Long>, Void> harness(
            List<NfaSpec<Tuple3<String, String, Long>, ?>> specs, boolean sortedInput) throws Exception {
        var operator = new KeyedNfaOperator<>(specs, TYPE.createSerializer(new SerializerConfigImpl()),
                (e, t) -> e.f2, new ById(), LATE, sortedInput);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(operator, e -> e.f0, Types.STRING);
        h.open();
        return h;
    }

    private static List<String> values(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h, OutputTag<String> tag) {
        var records = h.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    /** Matches a step by the name before '#'. */
    private static final class Step extends SimpleCondition<Tuple3<String, String, Long>> {
        private final String name;

        Step(String name) {
            this.name = name;
        }

        @Override
        public boolean filter(Tuple3<String, String, Long> e) {
            return e.f1.startsWith(name + "#");
        }
    }

    /** Orders by the "step#id" text: equal text is the same record. */
    private static final class ById implements EventComparator<Tuple3<String, String, Long>> {
        @Override
        public int compare(Tuple3<String, String, Long> a, Tuple3<String, String, Long> b) {
            return a.f1.compareTo(b.f1);
        }
    }

    /** A match as its events' "step#id", in step order. */
    private static final class Joined extends PatternProcessFunction<Tuple3<String, String, Long>, String> {
        @Override
        public void processMatch(Map<String, List<Tuple3<String, String, Long>>> match, Context ctx,
                Collector<String> out) {
            List<String> ids = new ArrayList<>();
            match.values().forEach(events -> events.forEach(e -> ids.add(e.f1)));
            ids.sort(null);
            out.collect(String.join(",", ids));
        }
    }
}
