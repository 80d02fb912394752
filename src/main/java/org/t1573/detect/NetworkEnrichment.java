package org.t1573.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.t1573.event.Event;

/**
 * The joins that run before detection, so that pattern steps see evidence no single record
 * carries: handshakes get their certificate ({@link CertificateJoin}), then host connection
 * events and network-sensor records of the same session get each other's fields
 * ({@link SessionJoin}). Events neither join needs bypass both. A join runs only when the job
 * reads channels that can complete it: each holds the watermark back by its tolerance, and a job
 * of host telemetry alone should not wait minutes for a network sensor it does not have.
 */
public final class NetworkEnrichment {
    /** How far apart a host sensor and a network sensor may time the same session. */
    public static final Duration SESSION_TOLERANCE = Duration.ofMinutes(2);

    private static final TypeInformation<Event> EVENTS = TypeInformation.of(Event.class);

    /** Channels of network sensors, whose records carry handshakes, certificates and flows. */
    public static final Set<String> NETWORK_SENSORS = Set.of("zeek", "suricata");

    private NetworkEnrichment() {}

    /**
     * The joins the given channels can use: certificates need a network sensor; sessions need a
     * network sensor and at least one other channel. Takes and returns one stream per source:
     * events a join does not need bypass it in their own source's chain.
     */
    public static List<DataStream<Event>> apply(List<DataStream<Event>> events, Set<String> channels) {
        boolean sensors = channels.stream().anyMatch(NETWORK_SENSORS::contains);
        boolean hosts = channels.stream().anyMatch(c -> !NETWORK_SENSORS.contains(c));
        if (!sensors) {
            return events;
        }
        return hosts ? apply(events) : certified(events);
    }

    /** Both joins. */
    public static List<DataStream<Event>> apply(List<DataStream<Event>> events) {
        long tolerance = SESSION_TOLERANCE.toMillis();
        return join(certified(events), SessionJoin::applies, "sessions with both endpoints", "not a session",
                sessions -> sessions.keyBy(SessionJoin::keyOf)
                        .transform("join host and network records of a session", EVENTS,
                                new HeldWatermarkOperator<>(new SessionJoin(tolerance), tolerance))
                        .uid("session-join")
                        .transform("event time of joined sessions", EVENTS, new EventTimeRestamp()));
    }

    private static List<DataStream<Event>> certified(List<DataStream<Event>> events) {
        return join(events, CertificateJoin::applies, "handshakes and certificates", "no certificate to join",
                handshakes -> handshakes.keyBy(e -> e.certificateId)
                        .transform("join certificate to handshake", EVENTS,
                                new HeldWatermarkOperator<>(new CertificateJoin(), CertificateJoin.WAIT_MILLIS))
                        .uid("certificate-join")
                        .transform("event time of joined handshakes", EVENTS, new EventTimeRestamp()));
    }

    /** The join's output over the events of every stream it applies to, then each stream's other events. */
    private static List<DataStream<Event>> join(List<DataStream<Event>> events, FilterFunction<Event> applies,
            String joined, String bypassing, UnaryOperator<DataStream<Event>> join) {
        List<DataStream<Event>> out = new ArrayList<>();
        DataStream<Event> into = null;
        for (DataStream<Event> e : events) {
            DataStream<Event> a = e.filter(applies).name(joined);
            into = into == null ? a : into.union(a);
            out.add(e.filter(x -> !applies.filter(x)).name(bypassing));
        }
        out.add(0, join.apply(into));
        return out;
    }
}
