package org.t1573.ingest.esxi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "esxi" channel: hostd, vpxa (ESXi) and vpxd (vCenter) log lines, plain or
 * syslog-wrapped (see {@link VmwareLogLine}). Each becomes a {@code log_message} event, or
 * {@code crypto_api} when it is about SSL/TLS work (see {@link TlsMessages}); a message naming a
 * remote endpoint the daemon reached (see {@link RemoteEndpoint}) gives the event that
 * destination and {@code network.direction: outbound}. Lines of other programs give nothing.
 * A plain log file names no host; a {@code # host <name>} line before it supplies one.
 */
public final class EsxiLogParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "esxi";
    private static final Set<String> DAEMONS = Set.of("hostd", "vpxa", "vpxd");
    static final String OTHER_DAEMON = "line of a daemon other than hostd, vpxa or vpxd";

    private final CommentHeader header = new CommentHeader();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        if (header.skips(record, SOURCE, ignored)) {
            return;
        }
        VmwareLogLine line = VmwareLogLine.parse(record.strip(), header.host(), SOURCE);
        String daemon = line.tag().toLowerCase(Locale.ROOT);
        if (!DAEMONS.contains(daemon)) {
            ignored.accept(OTHER_DAEMON);
            return;
        }
        out.accept(event(line, daemon, record.strip()));
    }

    private static Event event(VmwareLogLine line, String daemon, String record) {
        Event e = new Event();
        e.timestamp = line.time();
        e.dataset = (daemon.equals("vpxd") ? "vcenter." : "esxi.") + daemon;
        e.hostName = line.host();
        e.processName = daemon;
        e.processPid = line.pid();
        e.processEntityId = EsxiProcesses.entityId(line.host(), daemon);
        e.provider = line.sub();
        e.message = line.message();
        e.cryptoKind = TlsMessages.kindOf(line.message());
        (e.cryptoKind != null ? EventAction.CRYPTO_API : EventAction.LOG_MESSAGE).mark(e);
        RemoteEndpoint remote = RemoteEndpoint.find(line.message());
        if (remote != null) {
            e.destinationIp = remote.ip();
            e.destinationDomain = remote.domain();
            e.destinationPort = remote.port();
            e.networkDirection = NetworkDirection.OUTBOUND.value();
        }
        e.id = UUID.nameUUIDFromBytes((line.host() + '\n' + record).getBytes(StandardCharsets.UTF_8)).toString();
        return e;
    }
}
