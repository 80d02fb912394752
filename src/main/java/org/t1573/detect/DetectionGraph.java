package org.t1573.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import org.t1573.engine.KeyedNfaOperator;
import org.t1573.engine.NfaSpec;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.ParameterUpdate;
import org.t1573.pattern.PatternSet;

/**
 * The detection part of the job: the certificate and session joins ({@link NetworkEnrichment}),
 * select, then per group-by one keyed CEP operator running every pattern of that group-by
 * ({@link KeyedNfaOperator}), and per pattern the alert window.
 * Input events must carry event-time timestamps and watermarks. Operator uids are stable
 * ({@code select}, {@code cep-<group-by fields>}, {@code alert-<id>}) so savepoints survive upgrades.
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
        return buildEnriched(NetworkEnrichment.apply(List.of(events)), patterns, null);
    }

    /**
     * The graph over already enriched events (one stream per source or join), with step
     * parameters that change while running, from {@code updates} (may be null). With fixed
     * parameters each stream gets its own select, chained to its source: most events are dropped
     * there without crossing a network channel. Live parameters need one select behind a union:
     * the broadcast state of the overrides lives in one operator.
     */
    public static Result buildEnriched(List<DataStream<Event>> events, PatternSet patterns,
            DataStream<ParameterUpdate> updates) {
        List<CompiledPattern> list = patterns.patterns();
        List<OutputTag<Selected>> tags = new ArrayList<>();
        for (CompiledPattern p : list) {
            tags.add(PatternSelector.outputOf(p));
        }
        List<SingleOutputStreamOperator<Selected>> selects = new ArrayList<>();
        if (updates == null) {
            for (int i = 0; i < events.size(); i++) {
                selects.add(events.get(i).process(new PatternSelector(list, tags))
                        .uid(i == 0 ? "select" : "select-" + i).name("select: step predicates"));
            }
        } else {
            selects.add(union(events).connect(updates.broadcast(LiveParameterSelector.OVERRIDES))
                    .process(new LiveParameterSelector(list, tags)).uid("select")
                    .name("select: step predicates, live parameters"));
        }
        DataStream<Event> late = union(selects.stream().map(s -> s.getSideOutput(PatternSelector.LATE)).toList());
        List<DataStream<MatchRecord>> matches = new ArrayList<>(Collections.nCopies(list.size(), null));
        for (MatchGroups.Group g : MatchGroups.of(list).groups()) {
            SingleOutputStreamOperator<Void> cep = match(selects, g, list);
            for (int i : g.patterns()) {
                matches.set(i, cep.getSideOutput(matchesOf(list.get(i))));
            }
            late = late.union(cep.getSideOutput(CEP_LATE).map(Selected::event).name("late in " + g.uid()));
        }
        DataStream<String> alerts = null;
        for (int i = 0; i < list.size(); i++) {
            OutputTag<Selected> tag = tags.get(i);
            List<DataStream<Selected>> selected = selects.stream()
                    .<DataStream<Selected>>map(s -> s.getSideOutput(tag)).toList();
            DataStream<String> a = alertsOf(matches.get(i), selected, list.get(i));
            alerts = alerts == null ? a : alerts.union(a);
        }
        return new Result(alerts, late,
                updates == null ? null : selects.get(0).getSideOutput(LiveParameterSelector.REJECTED));
    }

    private static <T> DataStream<T> union(List<? extends DataStream<T>> streams) {
        DataStream<T> all = streams.get(0);
        for (DataStream<T> s : streams.subList(1, streams.size())) {
            all = all.union(s);
        }
        return all;
    }

    /**
     * Events CEP itself finds behind its watermark (its watermark is the slowest input's, e.g. after an
     * idle Kafka partition resumes): dead letters too, never silently dropped.
     */
    private static final OutputTag<Selected> CEP_LATE = new OutputTag<>("late-in-cep") {};

    /**
     * The keyed CEP operator of one group of patterns ({@link MatchGroups}): one NFA per pattern,
     * each fed the events that carry one of its marks, its matches on the pattern's side output.
     */
    private static SingleOutputStreamOperator<Void> match(List<SingleOutputStreamOperator<Selected>> selects,
            MatchGroups.Group g, List<CompiledPattern> list) {
        List<NfaSpec<Selected, ?>> nfas = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (int j = 0; j < g.patterns().length; j++) {
            CompiledPattern p = list.get(g.patterns()[j]);
            int marks = g.mark(j, (1 << p.stepCount()) - 1);
            nfas.add(NfaSpec.of(p.id(), CepPatterns.of(p, g.offsets()[j]), s -> (s.steps & marks) != 0,
                    new MatchEmitter(p), matchesOf(p)));
            ids.append(j == 0 ? "" : ", ").append(p.id());
        }
        DataStream<Selected> steps = union(selects.stream().map(s -> s.getSideOutput(g.output())).toList());
        ReadableConfig conf = steps.getExecutionEnvironment().getConfiguration();
        boolean sorted = conf.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH
                && conf.get(ExecutionOptions.SORT_INPUTS);
        return steps.keyBy(Selected::getKey)
                .transform("cep " + ids, Types.VOID, new KeyedNfaOperator<>(nfas, SelectedSerializer.INSTANCE,
                        (s, recordTime) -> s.timestamp, new ByTimeThenId(), CEP_LATE, sorted))
                .uid(g.uid());
    }

    /** The side output of the group's CEP operator that carries one pattern's matches. */
    private static OutputTag<MatchRecord> matchesOf(CompiledPattern p) {
        return new OutputTag<>("matches-" + p.id()) {};
    }

    private static DataStream<String> alertsOf(DataStream<MatchRecord> matches, List<DataStream<Selected>> selected,
            CompiledPattern p) {
        DataStream<MatchRecord> ends = union(selected.stream().map(s -> s.filter(x -> x.ends || x.context)
                .name("ends-on and context " + p.id())
                .map(x -> x.ends ? MatchRecord.endOf(x) : MatchRecord.contextOf(x)).name("end or description of key "
                        + p.id())).toList());
        return matches.union(ends).keyBy(MatchRecord::getKey)
                .process(new AlertWindowFunction(p)).uid("alert-" + p.id()).name("alert window " + p.id());
    }

    /**
     * Orders events of equal timestamp by a hash of their id (and by the ids themselves, decoded,
     * when the hashes are equal), so matches do not depend on arrival order.
     */
    static final class ByTimeThenId implements EventComparator<Selected> {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Selected a, Selected b) {
            int byTime = Long.compare(a.timestamp, b.timestamp);
            if (byTime != 0) {
                return byTime;
            }
            int byHash = Long.compare(a.idHash, b.idHash);
            return byHash != 0 ? byHash : String.valueOf(a.event().id).compareTo(String.valueOf(b.event().id));
        }
    }
}
