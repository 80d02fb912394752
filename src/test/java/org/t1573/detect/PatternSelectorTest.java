package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternSet;

/** The select stage: marks, drops and late events. */
class PatternSelectorTest {
    private List<CompiledPattern> patterns;
    private List<OutputTag<Selected>> tags;
    private OneInputStreamOperatorTestHarness<Event, Selected> harness;

    @BeforeEach
    void open() throws Exception {
        patterns = PatternSet.load(List.of(Path.of("patterns")), Map.of()).patterns();
        tags = new ArrayList<>();
        patterns.forEach(p -> tags.add(PatternSelector.outputOf(p)));
        harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new PatternSelector(patterns, tags)));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void marksACryptoLoadForEveryPatternWhoseStepItSatisfies() throws Exception {
        harness.processElement(load("rundll32.exe", "bcryptprimitives.dll", 1000), 1000);
        Selected s = only(stepsOfGroupOf("AN0400"));
        assertThat(stepsOf("AN0400", s)).isEqualTo(1);
        assertThat(s.key).isEqualTo(GroupKey.of("HOST\u001f{guid}"));
        assertThat(selectedFor("AN0400")).as("the pattern's own output: ends and context only").isEmpty();
    }

    @Test
    void dropsEventsThatSatisfyNoStep() throws Exception {
        harness.processElement(load("rundll32.exe", "kernel32.dll", 1000), 1000);
        for (OutputTag<Selected> t : tags) {
            assertThat(harness.getSideOutput(t)).isNullOrEmpty();
        }
        for (MatchGroups.Group g : MatchGroups.of(patterns).groups()) {
            assertThat(harness.getSideOutput(g.output())).isNullOrEmpty();
        }
    }

    @Test
    void sendsEventsBehindTheWatermarkToTheLateOutput() throws Exception {
        harness.processWatermark(new Watermark(5000));
        harness.processElement(load("rundll32.exe", "bcrypt.dll", 1000), 1000);
        assertThat(harness.getSideOutput(PatternSelector.LATE)).hasSize(1);
        assertThat(stepsOfGroupOf("AN0400")).isEmpty();
    }

    @Test
    void marksAProcessExitAsTheEndOfItsKey() throws Exception {
        Event exit = load("rundll32.exe", null, 2000);
        exit.action = "process_end";
        harness.processElement(exit, 2000);
        Selected s = only(selectedFor("AN0400"));
        assertThat(s.ends).isTrue();
        assertThat(s.steps).isZero();
    }

    private List<Selected> selectedFor(String id) {
        return recorded(tags.get(index(id)));
    }

    /** What the CEP operator of the pattern's group gets. */
    private List<Selected> stepsOfGroupOf(String id) {
        return recorded(groupOf(id).output());
    }

    /** The pattern's own steps in a mark of its group. */
    private int stepsOf(String id, Selected s) {
        MatchGroups.Group g = groupOf(id);
        int j = Arrays.stream(g.patterns()).boxed().toList().indexOf(index(id));
        return (s.steps >>> g.offsets()[j]) & ((1 << patterns.get(index(id)).stepCount()) - 1);
    }

    private MatchGroups.Group groupOf(String id) {
        return MatchGroups.of(patterns).groups().stream()
                .filter(g -> Arrays.stream(g.patterns()).anyMatch(i -> i == index(id))).findFirst().orElseThrow();
    }

    private int index(String id) {
        return patterns.stream().map(CompiledPattern::id).toList().indexOf(id);
    }

    private List<Selected> recorded(OutputTag<Selected> tag) {
        List<Selected> out = new ArrayList<>();
        if (harness.getSideOutput(tag) != null) {
            for (StreamRecord<Selected> r : harness.getSideOutput(tag)) {
                out.add(r.getValue());
            }
        }
        return out;
    }

    private static Selected only(List<Selected> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static Event load(String process, String dll, long time) {
        Event e = new Event();
        e.id = "e" + time;
        e.timestamp = time;
        e.action = "library_load";
        e.hostName = "HOST";
        e.processEntityId = "{guid}";
        e.processName = process;
        e.processExecutable = "C:\\Windows\\System32\\" + process;
        e.dllName = dll;
        return e;
    }
}
