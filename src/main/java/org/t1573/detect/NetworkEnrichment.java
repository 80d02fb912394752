package org.t1573.detect;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.t1573.event.Event;

/**
 * The joins that run before detection, so that pattern steps see evidence no single record
 * carries: handshakes get their certificate ({@link CertificateJoin}), then host connection
 * events and network-sensor records of the same session get each other's fields
 * ({@link SessionJoin}). Events neither join needs bypass both.
 */
public final class NetworkEnrichment {
    /** How far apart a host sensor and a network sensor may time the same session. */
    public static final Duration SESSION_TOLERANCE = Duration.ofMinutes(2);

    private static final TypeInformation<Event> EVENTS = TypeInformation.of(Event.class);

    private NetworkEnrichment() {}

    public static DataStream<Event> apply(DataStream<Event> events) {
        DataStream<Event> certified = events.filter(CertificateJoin::applies).name("handshakes and certificates")
                .keyBy(e -> e.certificateId)
                .transform("join certificate to handshake", EVENTS,
                        new HeldWatermarkOperator<>(new CertificateJoin(), CertificateJoin.WAIT_MILLIS))
                .uid("certificate-join")
                .transform("event time of joined handshakes", EVENTS, new EventTimeRestamp())
                .union(events.filter(e -> !CertificateJoin.applies(e)).name("no certificate to join"));
        long tolerance = SESSION_TOLERANCE.toMillis();
        return certified.filter(SessionJoin::applies).name("sessions with both endpoints")
                .keyBy(SessionJoin::keyOf)
                .transform("join host and network records of a session", EVENTS,
                        new HeldWatermarkOperator<>(new SessionJoin(tolerance), tolerance))
                .uid("session-join")
                .transform("event time of joined sessions", EVENTS, new EventTimeRestamp())
                .union(certified.filter(e -> !SessionJoin.applies(e)).name("not a session"));
    }
}
