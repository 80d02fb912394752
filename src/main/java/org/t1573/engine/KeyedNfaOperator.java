package org.t1573.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.FunctionUtils;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.cep.configuration.SharedBufferCacheConfig;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.NFA;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.NFAStateSerializer;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBuffer;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBufferAccessor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * One keyed operator running several Flink CEP patterns in event time: one
 * {@link org.apache.flink.cep.nfa.NFA} per {@link NfaSpec}, all sharing one
 * {@link SharedBuffer} (its node ids carry the step and event, so NFAs never see each other's
 * entries), one event queue per key held as a single state value, one timer per key and time.
 * What {@code CepOperator}'s event-time path does per pattern, done once per key for all of them:
 * an event is shuffled, queued and held once, not once per pattern.
 *
 * <p>Per NFA the operator reproduces {@code CepOperator}: it feeds the events its spec wants in
 * time order (ties broken by {@code order}), advances time before each timestamp and to the
 * watermark, registers a timer where a new partial match times out, and emits pending matches
 * (an absent last step) when time passes them. Unlike it, an NFA holding nothing that can time
 * out is not advanced, and an event equal to a queued one under {@code order} (the same record
 * delivered again) is dropped before it can open partial matches. Events at or behind the
 * watermark go to {@code late}.
 *
 * <p>With {@code sortedInput} (BATCH: Flink sorts a keyed input by key and then timestamp, and fires
 * a key's timers, at watermark {@code Long.MAX_VALUE}, when the next key begins) nothing is queued
 * in state: only the events of the current time wait, in memory, to be ordered by {@code order},
 * and each key has one timer, at its end.
 */
public final class KeyedNfaOperator<IN> extends AbstractStreamOperator<Void>
        implements OneInputStreamOperator<IN, Void>, Triggerable<Object, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private final List<NfaSpec<IN, ?>> specs;
    private final TypeSerializer<IN> inputSerializer;
    private final SerializableTimestampAssigner<IN> time;
    private final EventComparator<IN> order;
    private final OutputTag<IN> late;
    private final boolean sortedInput;

    private transient Comparator<IN> queueOrder;
    private transient ValueState<List<IN>> queue;
    private transient SharedBuffer<IN> buffer;
    private transient List<Nfa<?>> nfas;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient Counter duplicates;
    private transient Counter lateEvents;
    /** Sorted input: the current key's events of time {@link #tiesTime}, in order. */
    private transient List<IN> ties;
    private transient long tiesTime;

    /**
     * @param time the event time of an element (its record timestamp)
     * @param order ties between elements of one time; 0 means the same record
     * @param sortedInput whether the input arrives sorted by key and time, as in BATCH
     */
    public KeyedNfaOperator(List<NfaSpec<IN, ?>> specs, TypeSerializer<IN> inputSerializer,
            SerializableTimestampAssigner<IN> time, EventComparator<IN> order, OutputTag<IN> late,
            boolean sortedInput) {
        this.specs = List.copyOf(specs);
        this.inputSerializer = inputSerializer;
        this.time = time;
        this.order = order;
        this.late = late;
        this.sortedInput = sortedInput;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        queue = context.getKeyedStateStore().getState(
                new ValueStateDescriptor<>("event-queue", new ListSerializer<>(inputSerializer)));
        buffer = new SharedBuffer<>(context.getKeyedStateStore(), inputSerializer,
                SharedBufferCacheConfig.of(getOperatorConfig().getConfiguration()));
        nfas = new ArrayList<>();
        for (NfaSpec<IN, ?> spec : specs) {
            nfas.add(new Nfa<>(spec, context.getKeyedStateStore().getState(
                    new ValueStateDescriptor<>("nfa-" + spec.name(), new NFAStateSerializer()))));
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        queueOrder = Comparator.<IN>comparingLong(e -> time.extractTimestamp(e, Long.MIN_VALUE)).thenComparing(order);
        timers = getInternalTimerService("nfa-timers", VoidNamespaceSerializer.INSTANCE, this);
        duplicates = getMetricGroup().counter("duplicateEvents");
        lateEvents = getMetricGroup().counter("lateEvents");
        ties = new ArrayList<>();
        for (Nfa<?> nfa : nfas) {
            nfa.open();
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        if (nfas != null) {
            for (Nfa<?> nfa : nfas) {
                nfa.close();
            }
        }
        if (buffer != null) {
            // Every SharedBuffer starts a non-daemon java.util.Timer for its cache statistics.
            buffer.releaseCacheStatisticsTimer();
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        long timestamp = element.getTimestamp();
        if (timestamp <= timers.currentWatermark()) {
            lateEvents.inc();
            output.collect(late, element);
            return;
        }
        if (sortedInput) {
            inSortedInput(element.getValue(), timestamp);
            return;
        }
        List<IN> pending = queue.value();
        if (pending == null) {
            pending = new ArrayList<>();
        }
        if (!TimeOrderedQueue.insert(pending, element.getValue(), queueOrder)) {
            duplicates.inc();
            return;
        }
        queue.update(pending);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp);
    }

    private void inSortedInput(IN value, long timestamp) throws Exception {
        if (!ties.isEmpty() && timestamp != tiesTime) {
            feed(ties, false, Long.MIN_VALUE);
            ties.clear();
        }
        tiesTime = timestamp;
        if (!TimeOrderedQueue.insert(ties, value, queueOrder)) {
            duplicates.inc();
            return;
        }
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, Long.MAX_VALUE);
    }

    @Override
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        long watermark = timers.currentWatermark();
        if (sortedInput) {
            feed(ties, true, watermark);
            ties.clear();
            return;
        }
        List<IN> pending = queue.value();
        List<IN> due = pending == null ? List.of()
                : TimeOrderedQueue.takeWhile(pending, e -> time.extractTimestamp(e, Long.MIN_VALUE) <= watermark);
        if (pending != null) {
            if (pending.isEmpty()) {
                queue.clear();
            } else if (!due.isEmpty()) {
                queue.update(pending);
            }
        }
        feed(due, true, watermark);
    }

    /**
     * Feeds every NFA the events of one time before any NFA sees a later time, then (with
     * {@code advance}) advances each to the watermark. All NFAs share the buffer, whose event ids
     * count per timestamp and whose counters an advance drops: no NFA may be behind another.
     */
    private void feed(List<IN> due, boolean advance, long watermark) throws Exception {
        int from = 0;
        while (from < due.size()) {
            long timestamp = time.extractTimestamp(due.get(from), Long.MIN_VALUE);
            int to = from;
            while (to < due.size() && time.extractTimestamp(due.get(to), Long.MIN_VALUE) == timestamp) {
                to++;
            }
            for (Nfa<?> nfa : nfas) {
                nfa.feed(due.subList(from, to), timestamp);
            }
            from = to;
        }
        for (Nfa<?> nfa : nfas) {
            nfa.finish(advance, watermark);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) {
        // Event time only: no processing-time timers are registered.
    }

    /** One pattern's NFA with its state: what a CepOperator held for one pattern. */
    private final class Nfa<OUT> {
        private final NfaSpec<IN, OUT> spec;
        private final ValueState<NFAState> state;
        private final AfterMatchSkipStrategy skip;
        private NFA<IN> nfa;
        private int initialPartialMatches;
        private MatchOutput<IN, OUT> matches;
        /** The current key's state between {@link #feed} and {@link #finish}, loaded at most once. */
        private NFAState current;
        private boolean fed;

        @SuppressWarnings("unchecked")
        Nfa(NfaSpec<IN, ?> spec, ValueState<NFAState> state) {
            this.spec = (NfaSpec<IN, OUT>) spec;
            this.state = state;
            this.skip = spec.skip();
        }

        void open() throws Exception {
            nfa = spec.nfa().createNFA();
            nfa.open(getRuntimeContext(), new Configuration());
            initialPartialMatches = nfa.createInitialNFAState().getPartialMatches().size();
            FunctionUtils.setFunctionRuntimeContext(spec.function(), getRuntimeContext());
            FunctionUtils.openFunction(spec.function(), DefaultOpenContext.INSTANCE);
            FunctionUtils.setFunctionRuntimeContext(spec.wants(), getRuntimeContext());
            FunctionUtils.openFunction(spec.wants(), DefaultOpenContext.INSTANCE);
            matches = new MatchOutput<>(output, spec.output(), timers);
        }

        void close() throws Exception {
            if (nfa != null) {
                nfa.close();
                FunctionUtils.closeFunction(spec.function());
                FunctionUtils.closeFunction(spec.wants());
            }
        }

        /** Advances this NFA to {@code timestamp} and feeds it the events of that time it wants. */
        void feed(List<IN> sameTime, long timestamp) throws Exception {
            boolean advanced = false;
            for (IN e : sameTime) {
                if (!spec.wants().filter(e)) {
                    continue;
                }
                if (current == null) {
                    current = load();
                }
                if (!advanced) {
                    advance(current, timestamp);
                    advanced = true;
                }
                fed = true;
                process(current, e, timestamp);
            }
        }

        /**
         * With {@code advance}, advances the NFA to the watermark if it holds anything that can
         * time out or was fed; then stores its state.
         */
        void finish(boolean advance, long watermark) throws Exception {
            NFAState nfaState = current != null ? current : state.value();
            boolean wasFed = fed;
            current = null;
            fed = false;
            if (nfaState == null) {
                return;
            }
            if (advance && (wasFed || nfaState.getPartialMatches().size() > initialPartialMatches
                    || !nfaState.getCompletedMatches().isEmpty())) {
                advance(nfaState, watermark);
            }
            store(nfaState);
        }

        private NFAState load() throws Exception {
            NFAState s = state.value();
            return s != null ? s : nfa.createInitialNFAState();
        }

        private void process(NFAState nfaState, IN e, long timestamp) throws Exception {
            try (SharedBufferAccessor<IN> accessor = buffer.getAccessor()) {
                Collection<Map<String, List<IN>>> found = nfa.process(accessor, nfaState, e, timestamp, skip,
                        timers::currentProcessingTime);
                // Sorted input: the timer at the key's end advances every NFA past its windows.
                if (!sortedInput && nfa.getWindowTime() > 0 && nfaState.isNewStartPartialMatch()) {
                    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp + nfa.getWindowTime());
                }
                matches.emit(spec.function(), found, timestamp);
            }
        }

        private void advance(NFAState nfaState, long timestamp) throws Exception {
            try (SharedBufferAccessor<IN> accessor = buffer.getAccessor()) {
                Tuple2<Collection<Map<String, List<IN>>>, Collection<Tuple2<Map<String, List<IN>>, Long>>> result =
                        nfa.advanceTime(accessor, nfaState, timestamp, skip);
                // Timed-out partial matches are not reported (no pattern has a timeout handler);
                // pending matches are those of an absent last step whose window has passed.
                matches.emit(spec.function(), result.f0, timestamp);
            }
        }

        private void store(NFAState nfaState) throws Exception {
            if (nfaState.getPartialMatches().size() == initialPartialMatches
                    && nfaState.getCompletedMatches().isEmpty()) {
                // Nothing open: the initial state is rebuilt on the next event, so a key whose
                // windows have all passed holds no NFA state (CepOperator keeps it forever).
                state.clear();
            } else if (nfaState.isStateChanged()) {
                nfaState.resetStateChanged();
                nfaState.resetNewStartPartialMatch();
                state.update(nfaState);
            }
        }
    }
}
