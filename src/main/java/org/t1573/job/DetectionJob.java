package org.t1573.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.t1573.detect.DetectionGraph;
import org.t1573.event.Event;
import org.t1573.event.EventField;
import org.t1573.ingest.DeadLetter;
import org.t1573.ingest.InputFileFilter;
import org.t1573.ingest.OriginTaggingLineFormat;
import org.t1573.ingest.ParseFunction;
import org.t1573.ingest.RawLine;
import org.t1573.pattern.PatternSet;

/**
 * Assembles the job over files: one source and parser per channel, event-time watermarks, then
 * {@link DetectionGraph}. Sinks are attached by the caller, so the same graph serves the embedded
 * run, backtests and tests.
 */
public final class DetectionJob {

    /** The job's outputs before sinks: alert JSON lines and dead letters (bad or late records). */
    public record Outputs(DataStream<String> alerts, DataStream<DeadLetter> deadLetters) {}

    private DetectionJob() {}

    public static Outputs build(StreamExecutionEnvironment env, JobOptions options, PatternSet patterns) {
        env.setRuntimeMode(options.mode());
        env.setParallelism(options.parallelism());
        DataStream<Event> events = null;
        List<DataStream<DeadLetter>> dead = new ArrayList<>();
        for (InputSpec in : options.inputs()) {
            Path[] paths = in.paths().stream().map(p -> new Path(p.toUri())).toArray(Path[]::new);
            FileSource<RawLine> source = FileSource.forBulkFileFormat(new OriginTaggingLineFormat(), paths)
                    .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new InputFileFilter())).build();
            SingleOutputStreamOperator<Event> parsed = env
                    .fromSource(source, WatermarkStrategy.noWatermarks(), "files " + in.channel())
                    .uid("source-" + in.channel())
                    .process(new ParseFunction(in.channel(), options.collectorTime()))
                    .uid("parse-" + in.channel()).name("parse " + in.channel());
            dead.add(parsed.getSideOutput(ParseFunction.DEAD_LETTERS));
            DataStream<Event> timed = parsed.assignTimestampsAndWatermarks(
                    WatermarkStrategy.<Event>forBoundedOutOfOrderness(options.maxOutOfOrderness())
                            .withTimestampAssigner((e, t) -> e.timestamp))
                    .uid("watermarks-" + in.channel()).name("event time " + in.channel());
            events = events == null ? timed : events.union(timed);
        }
        DetectionGraph.Result detected = DetectionGraph.build(events, patterns);
        DataStream<DeadLetter> deadLetters = detected.late().map(DetectionJob::lateLetter).name("late events");
        for (DataStream<DeadLetter> d : dead) {
            deadLetters = deadLetters.union(d);
        }
        return new Outputs(detected.alerts(), deadLetters);
    }

    private static DeadLetter lateLetter(Event e) {
        return new DeadLetter(e.dataset, e.id, "late: event time " + java.time.Instant.ofEpochMilli(e.timestamp)
                + " is behind the watermark (more out of order than --max-out-of-orderness, or a skewed clock)",
                EventField.describe(e));
    }
}
