package org.t1573.kafka;

import org.t1573.event.Event;
import org.t1573.ingest.DeadLetter;

/**
 * What the Kafka deserializer produces from one record: an event, or a dead letter. Parsing in
 * the deserializer lets the source assign event time per partition (see {@link KafkaInputs}).
 */
public class Parsed {
    /** Set for a parsed event. */
    public Event event;
    /** Set for a record that could not be parsed. */
    public DeadLetter deadLetter;

    public Parsed() {}

    static Parsed of(Event e) {
        Parsed p = new Parsed();
        p.event = e;
        return p;
    }

    static Parsed of(DeadLetter d) {
        Parsed p = new Parsed();
        p.deadLetter = d;
        return p;
    }

    /**
     * The event time; a dead letter has none, and {@code Long.MIN_VALUE} never moves a
     * partition's watermark forward.
     */
    long eventTime() {
        return event != null ? event.timestamp : Long.MIN_VALUE;
    }
}
