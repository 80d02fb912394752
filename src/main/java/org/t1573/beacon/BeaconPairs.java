package org.t1573.beacon;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.JobWideParameters;
import org.t1573.pattern.PatternSet;

/**
 * What a beacon pair is, and the beacon stage in the job. A pair's source is the process
 * (host and entity id) where the sensor knows it, else the source address (network sensors); its
 * destination is the server name a session named (TLS SNI: RITA's FQDN beacons, which see through
 * proxies), else address and port. Sessions are connections, flows and TLS handshakes.
 */
public final class BeaconPairs {
    /** The parameter that asks for the stage and sets its window (RITA: a day). */
    public static final String WINDOW_PARAMETER = JobWideParameters.BEACON_WINDOW;
    private static final Set<String> SESSIONS = Set.of(EventAction.NETWORK_CONNECTION.value(),
            EventAction.FLOW.value(), EventAction.TLS_HANDSHAKE.value());

    private BeaconPairs() {}

    /**
     * The stage's settings, from the patterns that declare {@value #WINDOW_PARAMETER}: the window,
     * and which records are not sessions.
     */
    public record Settings(Duration window, Set<String> ignoredStates, Set<String> ignoredTransports)
            implements Serializable {

        /** Whether the event is a session of a pair. */
        public boolean applies(Event e) {
            return e.action != null && SESSIONS.contains(e.action) && e.destinationIp != null && sourceOf(e) != null
                    && (e.connectionState == null || !ignoredStates.contains(e.connectionState))
                    && (e.networkTransport == null || !ignoredTransports.contains(e.networkTransport));
        }
    }

    /** The pair's source: {@code host|entity id} of a process, else the source address; null when neither. */
    public static String sourceOf(Event e) {
        if (e.processEntityId != null) {
            return e.hostName + '|' + e.processEntityId;
        }
        return e.sourceIp;
    }

    /** The destination of a session's records: the first server name among them, else ip:port. */
    static String destinationOf(List<Event> session) {
        for (Event e : session) {
            if (e.tlsServerName != null && !e.tlsServerName.isEmpty()) {
                return e.tlsServerName.toLowerCase(Locale.ROOT);
            }
        }
        Event e = session.get(0);
        return e.destinationIp + ':' + e.destinationPort;
    }

    /** The bytes a session sent: the most any of its records counted (a handshake record counts none). */
    static long bytesOf(List<Event> session) {
        long bytes = 0;
        for (Event e : session) {
            if (e.bytesOut != null) {
                bytes = Math.max(bytes, e.bytesOut);
            }
        }
        return bytes;
    }

    /** The verdict event of a pair scored at {@code time}. */
    static Event verdict(long time, String source, String destination, PairBeacon pair, BeaconScore.Result r,
            long sessions) {
        Event v = EventAction.BEACON.newEvent();
        v.timestamp = time;
        v.id = "beacon:" + source + ">" + destination + "@" + time;
        v.dataset = "t1573.beacon";
        v.hostName = pair.hostName;
        v.processEntityId = pair.processEntityId;
        v.processName = pair.processName;
        v.processPid = pair.processPid;
        v.sourceIp = pair.sourceIp;
        v.destinationIp = pair.destinationIp;
        v.destinationPort = pair.destinationPort;
        v.beaconDestination = destination;
        if (!destination.equals(pair.destinationIp + ':' + pair.destinationPort)) {
            v.destinationDomain = destination;
        }
        v.beaconScore = r.total();
        v.beaconSessions = sessions;
        v.beaconTimestampScore = r.timestamp();
        v.beaconSizeScore = r.dataSize();
        v.beaconHistogramScore = r.histogram();
        v.beaconDurationScore = r.duration();
        return v;
    }

    /**
     * The settings the patterns ask for, null when none declares {@value #WINDOW_PARAMETER}; all
     * patterns that declare them agree ({@link JobWideParameters}, checked when they load).
     */
    public static Settings settingsOf(PatternSet patterns) {
        for (CompiledPattern p : patterns.patterns()) {
            if (p.parameters().has(WINDOW_PARAMETER)) {
                return new Settings(p.parameters().duration(WINDOW_PARAMETER),
                        listOf(p, JobWideParameters.BEACON_IGNORED_STATES),
                        listOf(p, JobWideParameters.BEACON_IGNORED_TRANSPORTS));
            }
        }
        return null;
    }

    private static Set<String> listOf(CompiledPattern p, String name) {
        if (!p.parameters().has(name)) {
            return Set.of();
        }
        Set<String> values = new TreeSet<>();
        for (Object v : (List<?>) p.parameters().get(name)) {
            values.add(String.valueOf(v));
        }
        return values;
    }

    /**
     * The events with the stage's verdicts added as one more stream, when a pattern asks for a
     * beacon window; the events unchanged otherwise.
     */
    public static List<DataStream<Event>> attach(List<DataStream<Event>> events, PatternSet patterns) {
        Settings settings = settingsOf(patterns);
        if (settings == null) {
            return events;
        }
        Duration window = settings.window();
        DataStream<Event> sessions = null;
        for (DataStream<Event> e : events) {
            DataStream<Event> s = e.filter(settings::applies).name("beacon: sessions");
            sessions = sessions == null ? s : sessions.union(s);
        }
        DataStream<Event> verdicts = sessions.keyBy(BeaconPairs::sourceOf)
                .process(new BeaconStage(window.toMillis()), TypeInformation.of(Event.class))
                .uid("beacon-window").name("beacon window " + window);
        List<DataStream<Event>> out = new ArrayList<>(events);
        out.add(verdicts);
        return out;
    }
}
