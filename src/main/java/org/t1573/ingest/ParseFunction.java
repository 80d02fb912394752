package org.t1573.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.t1573.event.Event;

/**
 * Parses the raw records of one channel into events. A record the parser cannot read goes to
 * {@link #DEAD_LETTERS} with its origin, raw text and reason, and the job goes on. Counts of
 * records, events and dead letters are kept as accumulators for the run summary.
 *
 * <p>Also watches each host's clock: where a record carries both the sensor time and the
 * collector time, a record whose offset between them differs from the host's first offset by
 * more than {@link #SKEW_TOLERANCE_MS} is counted as clock skew (real captures have it: see the
 * README), and with {@code collectorTime} the collector's clock becomes the event time.
 */
public class ParseFunction extends ProcessFunction<RawLine, Event> {
    private static final long serialVersionUID = 1L;

    /** The dead-letter output. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    static final long SKEW_TOLERANCE_MS = 5 * 60_000L;

    private final String channel;
    private final boolean collectorTime;
    private final boolean correctedTime;
    private transient RecordParser parser;
    private transient Map<String, Long> hostOffsets;
    // Looked up once: a lookup by name per record was a string concatenation and a map probe.
    private transient LongCounter records;
    private transient LongCounter events;
    private transient LongCounter deadLetters;

    public ParseFunction(String channel, boolean collectorTime) {
        this(channel, collectorTime, false);
    }

    /**
     * With {@code correctedTime} (and {@code collectorTime}) the collector's time is shifted by
     * the host's first observed collector-minus-sensor offset: the event time is then on the
     * sensor clock of the host's first record (which agrees with network sensors where the host
     * clock is sound), but consistent for records whose own sensor time is skewed.
     */
    public ParseFunction(String channel, boolean collectorTime, boolean correctedTime) {
        this.channel = channel;
        this.collectorTime = collectorTime;
        this.correctedTime = correctedTime;
    }

    @Override
    public void open(OpenContext ctx) {
        parser = Channels.parserFor(channel);
        hostOffsets = new HashMap<>();
        records = getRuntimeContext().getLongCounter(RunCounters.RECORDS + channel);
        events = getRuntimeContext().getLongCounter(RunCounters.EVENTS + channel);
        deadLetters = getRuntimeContext().getLongCounter(RunCounters.DEAD_LETTERS + channel);
    }

    @Override
    public void processElement(RawLine raw, Context ctx, Collector<Event> out) {
        Consumer<Event> emit = e -> {
            checkClock(e);
            if (collectorTime && e.created != null) {
                Long first = correctedTime && e.hostName != null ? hostOffsets.get(e.hostName) : null;
                e.timestamp = first == null ? e.created : e.created - first;
            }
            events.add(1);
            out.collect(e);
        };
        try {
            if (raw.isEndOfInput()) {
                parser.endOfInput(emit);
                return;
            }
            records.add(1);
            parser.parse(raw.text, emit);
        } catch (MalformedRecordException e) {
            deadLetter(raw, e.getMessage(), ctx);
        } catch (RuntimeException e) {
            // A parser bug must not stop the job: the record is kept with the error.
            deadLetter(raw, channel + ": parser failed: " + e, ctx);
        }
    }

    private void deadLetter(RawLine raw, String reason, Context ctx) {
        deadLetters.add(1);
        ctx.output(DEAD_LETTERS, new DeadLetter(channel, raw.origin, reason, raw.text));
    }

    private void checkClock(Event e) {
        if (e.created == null || e.hostName == null) {
            return;
        }
        long offset = e.created - e.timestamp;
        Long first = hostOffsets.putIfAbsent(e.hostName, offset);
        if (first != null && Math.abs(offset - first) > SKEW_TOLERANCE_MS) {
            String key = e.hostName + " event.code " + e.code;
            getRuntimeContext().getLongCounter(RunCounters.SKEW_COUNT + key).add(1);
            getRuntimeContext().getLongCounter(RunCounters.SKEW_MILLIS + key).add(offset - first);
        }
    }
}
