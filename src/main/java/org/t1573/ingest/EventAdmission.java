package org.t1573.ingest;

import org.t1573.event.Event;

/**
 * The checks a parsed event passes before it enters the stream, the same on files
 * ({@link ParseFunction}) and Kafka: plausible values ({@link EventValues}), plausible times on
 * both clocks ({@link PlausibleTimes}), then its clock ({@link HostClocks}) and a plausible
 * time on that clock. An implausible event is checked before the clocks see it, so that it
 * cannot become a host's reference offset.
 */
public final class EventAdmission {
    private final HostClocks clocks;

    public EventAdmission(EventTime eventTime) {
        this.clocks = new HostClocks(eventTime);
    }

    /** Puts the event on its clock and returns null, or returns why it is a dead letter. */
    public String admit(Event e, HostClocks.Findings findings, long now) {
        String problem = EventValues.problem(e);
        if (problem == null) {
            problem = PlausibleTimes.problem(e, now);
        }
        if (problem != null) {
            return problem;
        }
        clocks.apply(e, findings);
        // A corrected time is the collector's minus the host's offset, which may still fall outside.
        return PlausibleTimes.problem(e.timestamp, now);
    }
}
