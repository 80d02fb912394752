package org.t1573.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.t1573.event.Event;
import org.t1573.ingest.InputFileFilter;
import org.t1573.ingest.OriginTaggingLineFormat;
import org.t1573.backtest.EventTimeRange;
import org.t1573.ingest.ParseFunction;
import org.t1573.ingest.RawLine;

/**
 * Files as the job's input: one source and parser per channel (per file in STREAMING mode), then
 * event-time watermarks (bounded out-of-orderness) on the parsed events.
 */
public final class FileInputs {

    private FileInputs() {}

    public static DetectionJob.Inputs attach(StreamExecutionEnvironment env, JobOptions options) {
        List<DetectionJob.Inputs> channels = new ArrayList<>();
        for (InputSpec in : options.inputs()) {
            if (options.mode() == RuntimeExecutionMode.STREAMING) {
                // One reader reads its files one after another, so a later file's older events
                // would be behind the watermark of an earlier one: in streaming, each file gets a
                // source and a watermark of its own (the union takes the minimum).
                List<java.nio.file.Path> files = files(in.paths());
                for (int i = 0; i < files.size(); i++) {
                    channels.add(attach(env, options, in.channel(), List.of(files.get(i)), "-" + i));
                }
            } else {
                channels.add(attach(env, options, in.channel(), in.paths(), ""));
            }
        }
        return DetectionJob.Inputs.union(channels);
    }

    private static DetectionJob.Inputs attach(StreamExecutionEnvironment env, JobOptions options, String channel,
            List<java.nio.file.Path> inputs, String suffix) {
        Path[] paths = inputs.stream().map(p -> new Path(p.toUri())).toArray(Path[]::new);
        FileSource<RawLine> source = FileSource.forBulkFileFormat(new OriginTaggingLineFormat(), paths)
                .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new InputFileFilter())).build();
        SingleOutputStreamOperator<Event> parsed = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "files " + channel + suffix)
                .uid("source-" + channel + suffix)
                .process(new ParseFunction(channel, options.eventTime()))
                .uid("parse-" + channel + suffix).name("parse " + channel + suffix);
        DataStream<Event> inRange = options.from() == null && options.to() == null ? parsed
                : parsed.filter(new EventTimeRange(options.from(), options.to()))
                        .uid("time-range-" + channel + suffix).name("--from/--to " + channel + suffix);
        DataStream<Event> timed = inRange.assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(options.maxOutOfOrderness())
                        .withTimestampAssigner((e, t) -> e.timestamp))
                .uid("watermarks-" + channel + suffix).name("event time " + channel + suffix);
        return new DetectionJob.Inputs(timed, parsed.getSideOutput(ParseFunction.DEAD_LETTERS));
    }

    /** The telemetry files under the given paths, as the file source would read them. */
    static List<java.nio.file.Path> files(List<java.nio.file.Path> inputs) {
        InputFileFilter filter = new InputFileFilter();
        List<java.nio.file.Path> out = new ArrayList<>();
        for (java.nio.file.Path input : inputs) {
            try (Stream<java.nio.file.Path> walk = Files.walk(input)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> input.relativize(f).toString().isEmpty()
                                || allNamesAccepted(input.relativize(f), filter))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + input, e);
            }
        }
        return out;
    }

    private static boolean allNamesAccepted(java.nio.file.Path relative, InputFileFilter filter) {
        for (java.nio.file.Path name : relative) {
            if (!filter.test(new Path(name.toString()))) {
                return false;
            }
        }
        return true;
    }
}
