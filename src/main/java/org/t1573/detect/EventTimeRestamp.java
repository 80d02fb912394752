package org.t1573.detect;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.t1573.event.Event;

/**
 * Sets each record's Flink timestamp back to its event's time. Events a timer released carry the
 * timer's time as record timestamp; CEP orders by the record timestamp, so it must be the event's.
 */
final class EventTimeRestamp extends AbstractStreamOperator<Event> implements OneInputStreamOperator<Event, Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<Event> element) {
        output.collect(element.replace(element.getValue(), element.getValue().timestamp));
    }
}
