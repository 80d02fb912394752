package org.t1573.detect;

import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;
import org.t1573.pattern.CompiledPattern;

/** Turns a CEP match into one {@link Hit} per matched event, in step order. */
public class MatchEmitter extends PatternProcessFunction<Selected, Hit> {
    private static final long serialVersionUID = 1L;

    private final String[] stepNames;

    public MatchEmitter(CompiledPattern p) {
        this.stepNames = new String[p.stepCount()];
        for (int i = 0; i < stepNames.length; i++) {
            stepNames[i] = p.stepName(i);
        }
    }

    @Override
    public void processMatch(Map<String, List<Selected>> match, Context ctx, Collector<Hit> out) {
        long matchTime = 0;
        for (List<Selected> events : match.values()) {
            for (Selected s : events) {
                matchTime = Math.max(matchTime, s.event.timestamp);
            }
        }
        for (int i = 0; i < stepNames.length; i++) {
            List<Selected> events = match.get(stepNames[i]);
            if (events == null) {
                continue;
            }
            for (Selected s : events) {
                out.collect(new Hit(s.key, i, matchTime, s.event));
            }
        }
    }
}
