package org.t1573.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;
import org.t1573.event.Event;

/**
 * The state benchmark's peer without the job: Flink CEP with one two-step pattern over the
 * smallest events that can carry the script (a process key and which step the event is), so
 * what it keeps per open process is Flink CEP's own cost per key and pattern.
 */
final class BareCep {
    private static final int LOAD = 1;
    private static final int CONNECT = 2;

    private BareCep() {}

    /** One match count per match of "load, then connect, within 15 minutes" per process. */
    static DataStream<Long> matches(DataStream<Event> events) {
        DataStream<Tuple2<String, Integer>> steps = events
                .map(e -> Tuple2.of(e.hostName + '|' + e.processEntityId, stepOf(e)))
                .returns(Types.TUPLE(Types.STRING, Types.INT)).name("bare steps");
        Pattern<Tuple2<String, Integer>, ?> pattern = Pattern.<Tuple2<String, Integer>>begin("load")
                .where(SimpleCondition.of(t -> t.f1 == LOAD))
                .followedBy("connect").where(SimpleCondition.of(t -> t.f1 == CONNECT))
                .within(Duration.ofMinutes(15));
        return CEP.pattern(steps.keyBy(t -> t.f0, Types.STRING), pattern).process(new Count()).name("bare cep");
    }

    private static int stepOf(Event e) {
        return switch (String.valueOf(e.action)) {
            case "library_load" -> LOAD;
            case "network_connection" -> CONNECT;
            default -> 0;
        };
    }

    private static final class Count extends PatternProcessFunction<Tuple2<String, Integer>, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processMatch(Map<String, List<Tuple2<String, Integer>>> match, Context ctx, Collector<Long> out) {
            out.collect(1L);
        }
    }
}
