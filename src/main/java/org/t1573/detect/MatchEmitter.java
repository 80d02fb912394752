package org.t1573.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;

/** Turns a CEP match into a {@link MatchRecord}, its events in step order. */
public class MatchEmitter extends PatternProcessFunction<Selected, MatchRecord> {
    private static final long serialVersionUID = 1L;

    private final String[] stepNames;

    public MatchEmitter(CompiledPattern p) {
        this.stepNames = new String[p.stepCount()];
        for (int i = 0; i < stepNames.length; i++) {
            stepNames[i] = p.stepName(i);
        }
    }

    @Override
    public void processMatch(Map<String, List<Selected>> match, Context ctx, Collector<MatchRecord> out) {
        List<Event> events = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        GroupKey key = null;
        long matchTime = Long.MIN_VALUE;
        for (int i = 0; i < stepNames.length; i++) {
            for (Selected s : match.getOrDefault(stepNames[i], List.of())) {
                events.add(s.event());
                steps.add(i);
                key = s.key;
                matchTime = Math.max(matchTime, s.timestamp);
            }
        }
        out.collect(new MatchRecord(key, matchTime, false, events.toArray(new Event[0]),
                steps.stream().mapToInt(Integer::intValue).toArray()));
    }
}
