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
 * Parses the raw records of one channel into events. A record the parser cannot read, or one
 * over {@link RecordLimit}, goes to {@link #DEAD_LETTERS} with its origin, raw text and reason,
 * and the job goes on; so does an event with implausible values or times ({@link EventAdmission}). Counts of
 * records, events, ignored records (by reason) and dead letters are kept as accumulators for the
 * run summary.
 *
 * <p>Records are counted so that records = events + ignored + dead letters holds exactly when no
 * line was dropped without a reason: a line counts once, or once per outcome when it gives several
 * (an osquery snapshot's rows, a Defender batch's records), and what a parser gives at the end of
 * an input (an auditd event still open) counts as the records it stands for.
 *
 * <p>Each event is put on the clock {@code --event-time} chooses ({@link HostClocks}); clock skew
 * and events put on their host's write clock are counted per host and event code.
 */
public class ParseFunction extends ProcessFunction<RawLine, Event> {
    private static final long serialVersionUID = 1L;

    /** The dead-letter output. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final String channel;
    private final EventTime eventTime;
    private transient RecordParser parser;
    private transient EventAdmission admission;
    private transient HostClocks.Findings findings;
    // Looked up once: a lookup by name per record was a string concatenation and a map probe.
    private transient LongCounter records;
    private transient LongCounter events;
    private transient LongCounter deadLetters;
    private transient LongCounter ignored;
    private transient Map<String, LongCounter> ignoredByReason;
    private transient Consumer<String> ignore;
    /** What the current raw line gave: events, ignored records and dead letters. */
    private transient int outcomes;

    public ParseFunction(String channel, EventTime eventTime) {
        this.channel = channel;
        this.eventTime = eventTime;
    }

    @Override
    public void open(OpenContext ctx) {
        parser = Channels.parserFor(channel);
        admission = new EventAdmission(eventTime);
        findings = new HostClocks.Findings() {
            @Override
            public void skewed(String host, String code, long deltaMillis) {
                String key = host + " event.code " + code;
                getRuntimeContext().getLongCounter(RunCounters.SKEW_COUNT + key).add(1);
                getRuntimeContext().getLongCounter(RunCounters.SKEW_MILLIS + key).add(deltaMillis);
            }

            @Override
            public void retimed(String host, String code) {
                getRuntimeContext().getLongCounter(RunCounters.RETIMED + host + " event.code " + code).add(1);
            }
        };
        records = getRuntimeContext().getLongCounter(RunCounters.RECORDS + channel);
        events = getRuntimeContext().getLongCounter(RunCounters.EVENTS + channel);
        deadLetters = getRuntimeContext().getLongCounter(RunCounters.DEAD_LETTERS + channel);
        ignored = getRuntimeContext().getLongCounter(RunCounters.IGNORED + channel);
        ignoredByReason = new HashMap<>();
        ignore = reason -> {
            outcomes++;
            ignored.add(1);
            ignoredByReason.computeIfAbsent(reason, r -> getRuntimeContext()
                    .getLongCounter(RunCounters.IGNORED_BY_REASON + channel + " " + r)).add(1);
        };
    }

    @Override
    public void processElement(RawLine raw, Context ctx, Collector<Event> out) {
        Consumer<Event> emit = e -> {
            String problem = admission.admit(e, findings, System.currentTimeMillis());
            if (problem != null) {
                deadLetter(raw, problem, ctx);
                return;
            }
            outcomes++;
            events.add(1);
            out.collect(e);
        };
        outcomes = 0;
        try {
            if (raw.isEndOfInput()) {
                parser.endOfInput(emit, ignore);
            } else if (RecordLimit.exceededBy(raw.chars)) {
                deadLetter(raw, RecordLimit.reason(raw.chars), ctx);
            } else {
                parser.parse(raw.text, emit, ignore);
            }
        } catch (MalformedRecordException e) {
            deadLetter(raw, e.getMessage(), ctx);
        } catch (RuntimeException e) {
            // A parser bug must not stop the job: the record is kept with the error.
            deadLetter(raw, channel + ": parser failed: " + e, ctx);
        }
        records.add(raw.isEndOfInput() ? outcomes : Math.max(1, outcomes));
    }

    private void deadLetter(RawLine raw, String reason, Context ctx) {
        outcomes++;
        deadLetters.add(1);
        ctx.output(DEAD_LETTERS, new DeadLetter(channel, raw.origin, reason, raw.text, raw.chars));
    }
}
