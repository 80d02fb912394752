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
import org.t1573.event.Event;
import org.t1573.ingest.InputFileFilter;
import org.t1573.ingest.OriginTaggingLineFormat;
import org.t1573.backtest.EventTimeRange;
import org.t1573.ingest.ParseFunction;
import org.t1573.ingest.RawLine;

/**
 * Files as the job's input: one source and parser per channel, then event-time watermarks
 * (bounded out-of-orderness) on the parsed events.
 */
public final class FileInputs {

    private FileInputs() {}

    public static DetectionJob.Inputs attach(StreamExecutionEnvironment env, JobOptions options) {
        List<DetectionJob.Inputs> channels = new ArrayList<>();
        for (InputSpec in : options.inputs()) {
            Path[] paths = in.paths().stream().map(p -> new Path(p.toUri())).toArray(Path[]::new);
            FileSource<RawLine> source = FileSource.forBulkFileFormat(new OriginTaggingLineFormat(), paths)
                    .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(new InputFileFilter())).build();
            SingleOutputStreamOperator<Event> parsed = env
                    .fromSource(source, WatermarkStrategy.noWatermarks(), "files " + in.channel())
                    .uid("source-" + in.channel())
                    .process(new ParseFunction(in.channel(), options.collectorTime(), options.correctedTime()))
                    .uid("parse-" + in.channel()).name("parse " + in.channel());
            DataStream<Event> inRange = options.from() == null && options.to() == null ? parsed
                    : parsed.filter(new EventTimeRange(options.from(), options.to()))
                            .uid("time-range-" + in.channel()).name("--from/--to " + in.channel());
            DataStream<Event> timed = inRange.assignTimestampsAndWatermarks(
                    WatermarkStrategy.<Event>forBoundedOutOfOrderness(options.maxOutOfOrderness())
                            .withTimestampAssigner((e, t) -> e.timestamp))
                    .uid("watermarks-" + in.channel()).name("event time " + in.channel());
            channels.add(new DetectionJob.Inputs(timed, parsed.getSideOutput(ParseFunction.DEAD_LETTERS)));
        }
        return DetectionJob.Inputs.union(channels);
    }
}
