package org.t1573.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.ParameterUpdate;
import org.t1573.pattern.PatternSet;

/**
 * The detection part of the job: the certificate and session joins ({@link NetworkEnrichment}),
 * select, then per pattern keyBy, CEP and the alert window.
 * Input events must carry event-time timestamps and watermarks. Operator uids are stable
 * ({@code select}, {@code cep-<id>}, {@code alert-<id>}) so savepoints survive upgrades.
 */
public final class DetectionGraph {

    /**
     * What detection produces: alert JSON lines, events that arrived behind the watermark, and
     * rejected parameter updates (null without a parameter stream).
     */
    public record Result(DataStream<String> alerts, DataStream<Event> late, DataStream<ParameterUpdate> rejected) {}

    private DetectionGraph() {}

    /** The graph with every network join, for inputs of unknown channels. */
    public static Result build(DataStream<Event> events, PatternSet patterns) {
        return buildEnriched(NetworkEnrichment.apply(events), patterns, null);
    }

    /** The graph with the network joins the given channels can use. */
    public static Result build(DataStream<Event> events, PatternSet patterns, Set<String> channels) {
        return buildEnriched(NetworkEnrichment.apply(events, channels), patterns, null);
    }

    /**
     * The graph over already enriched events, with step parameters that change while running,
     * from {@code updates} (may be null).
     */
    public static Result buildEnriched(DataStream<Event> events, PatternSet patterns,
            DataStream<ParameterUpdate> updates) {
        List<CompiledPattern> list = patterns.patterns();
        List<OutputTag<Selected>> tags = new ArrayList<>();
        for (CompiledPattern p : list) {
            tags.add(PatternSelector.outputOf(p));
        }
        SingleOutputStreamOperator<Selected> selected = updates == null
                ? events.process(new PatternSelector(list, tags)).uid("select").name("select: step predicates")
                : events.connect(updates.broadcast(LiveParameterSelector.OVERRIDES))
                        .process(new LiveParameterSelector(list, tags)).uid("select")
                        .name("select: step predicates, live parameters");
        DataStream<String> alerts = null;
        DataStream<Event> late = selected.getSideOutput(PatternSelector.LATE);
        for (int i = 0; i < list.size(); i++) {
            SingleOutputStreamOperator<MatchRecord> matches = match(selected.getSideOutput(tags.get(i)), list.get(i));
            DataStream<String> a = alertsOf(matches, selected.getSideOutput(tags.get(i)), list.get(i));
            alerts = alerts == null ? a : alerts.union(a);
            late = late.union(matches.getSideOutput(CEP_LATE).map(s -> s.event).name("late in cep " + list.get(i).id()));
        }
        return new Result(alerts, late,
                updates == null ? null : selected.getSideOutput(LiveParameterSelector.REJECTED));
    }

    /**
     * Events CEP itself finds behind its watermark (its watermark is the slowest input's, e.g. after an
     * idle Kafka partition resumes): dead letters too, never silently dropped.
     */
    private static final OutputTag<Selected> CEP_LATE = new OutputTag<>("late-in-cep") {};

    private static SingleOutputStreamOperator<MatchRecord> match(DataStream<Selected> selected, CompiledPattern p) {
        return CEP.pattern(selected.filter(s -> s.steps != 0).name("steps of " + p.id()).keyBy(Selected::getKey),
                        CepPatterns.of(p), new ByTimeThenId())
                .sideOutputLateData(CEP_LATE)
                .process(new MatchEmitter(p)).uid("cep-" + p.id()).name("cep " + p.id());
    }

    private static DataStream<String> alertsOf(DataStream<MatchRecord> matches, DataStream<Selected> selected,
            CompiledPattern p) {
        DataStream<MatchRecord> ends = selected.filter(s -> s.ends).name("ends-on " + p.id())
                .map(MatchRecord::endOf).name("end of key " + p.id());
        return matches.union(ends).keyBy(MatchRecord::getKey)
                .process(new AlertWindowFunction(p)).uid("alert-" + p.id()).name("alert window " + p.id());
    }

    /** Orders events of equal timestamp by id, so matches do not depend on arrival order. */
    static final class ByTimeThenId implements EventComparator<Selected> {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Selected a, Selected b) {
            int byTime = Long.compare(a.event.timestamp, b.event.timestamp);
            return byTime != 0 ? byTime : String.valueOf(a.event.id).compareTo(String.valueOf(b.event.id));
        }
    }
}
