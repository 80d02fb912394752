package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.ParameterUpdate;
import org.t1573.pattern.PatternSet;

/** Allowlists and thresholds change while the job runs, through broadcast state. */
class LiveParameterSelectorTest {
    private OutputTag<Selected> an0400;
    private BroadcastOperatorTestHarness<Event, ParameterUpdate, Selected> harness;
    private long time = 1000;

    @BeforeEach
    void open() throws Exception {
        List<CompiledPattern> patterns = PatternSet.load(List.of(Path.of("patterns")), Map.of()).patterns().stream()
                .filter(p -> p.id().equals("AN0400")).toList();
        // AN0400 alone is its group: the group's output carries its steps.
        an0400 = MatchGroups.of(patterns).groups().get(0).output();
        harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new LiveParameterSelector(patterns, List.of(PatternSelector.outputOf(patterns.get(0)))),
                LiveParameterSelector.OVERRIDES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aChangedAllowlistSilencesAProcessMidStream() throws Exception {
        harness.processElement(cryptoLoad("updater.exe"), time);
        harness.processBroadcastElement(update("AN0400.AllowedCryptoProcesses=updater.exe,chrome.exe"), time);
        harness.processElement(cryptoLoad("updater.exe"), time + 1);
        assertThat(selected()).hasSize(1);
    }

    @Test
    void anUpdateForEveryPatternAppliesToThoseDeclaringIt() throws Exception {
        harness.processBroadcastElement(update("SymmetricCryptoLibs=other.dll"), time);
        harness.processElement(cryptoLoad("updater.exe"), time);
        assertThat(selected()).isEmpty();
    }

    @Test
    void rejectsAnUnknownParameterAndKeepsThePreviousValues() throws Exception {
        harness.processBroadcastElement(update("AN0400.NoSuchThing=1"), time);
        harness.processElement(cryptoLoad("updater.exe"), time);
        assertThat(rejected()).singleElement().satisfies(
                r -> assertThat(r.rejectedBecause).contains("no loaded pattern has a parameter AN0400.NoSuchThing"));
        assertThat(selected()).hasSize(1);
    }

    @Test
    void rejectsAValueThatDoesNotFitItsType() throws Exception {
        harness.processBroadcastElement(update("AN0400.EntropyThreshold=high"), time);
        assertThat(rejected()).singleElement().satisfies(r -> assertThat(r.rejectedBecause).contains("not a number"));
    }

    @Test
    void rejectsATimespanChangeBecauseItShapesTheCepGraph() throws Exception {
        harness.processBroadcastElement(update("TimeWindow=5m"), time);
        assertThat(rejected()).singleElement().satisfies(r -> assertThat(r.rejectedBecause).contains("savepoint"));
    }

    @Test
    void rejectsAnAdditionBecauseAnUpdateGivesTheWholeValue() throws Exception {
        harness.processBroadcastElement(update("AN0400.AllowedCryptoProcesses+=updater.exe"), time);
        harness.processElement(cryptoLoad("updater.exe"), time);
        assertThat(rejected()).singleElement().satisfies(r -> assertThat(r.rejectedBecause)
                .isEqualTo("+= and -= are --set operations; a live update gives the whole value: [PatternId.]Name=value"));
        assertThat(selected()).hasSize(1);
    }

    @Test
    void keepsAcceptedValuesInBroadcastState() throws Exception {
        harness.processBroadcastElement(update("AN0400.AllowedCryptoProcesses=updater.exe"), time);
        assertThat(harness.getBroadcastState(LiveParameterSelector.OVERRIDES).get("AN0400.AllowedCryptoProcesses"))
                .isEqualTo("updater.exe");
    }

    private List<Selected> selected() {
        List<Selected> out = new ArrayList<>();
        if (harness.getSideOutput(an0400) != null) {
            harness.getSideOutput(an0400).forEach(r -> out.add(((StreamRecord<Selected>) r).getValue()));
        }
        return out;
    }

    private List<ParameterUpdate> rejected() {
        List<ParameterUpdate> out = new ArrayList<>();
        if (harness.getSideOutput(LiveParameterSelector.REJECTED) != null) {
            harness.getSideOutput(LiveParameterSelector.REJECTED)
                    .forEach(r -> out.add(((StreamRecord<ParameterUpdate>) r).getValue()));
        }
        return out;
    }

    private static ParameterUpdate update(String line) {
        return ParameterUpdate.parse(line, "test").get(0);
    }

    private Event cryptoLoad(String process) {
        Event e = new Event();
        e.id = "e" + time++;
        e.timestamp = time;
        e.action = "library_load";
        e.hostName = "HOST";
        e.processEntityId = "{" + process + "}";
        e.processName = process;
        e.processExecutable = "C:\\Users\\Public\\" + process;
        e.dllName = "bcrypt.dll";
        return e;
    }
}
