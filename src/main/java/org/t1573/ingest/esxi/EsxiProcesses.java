package org.t1573.ingest.esxi;

import java.util.Locale;

/**
 * How ESXi events name a process. A daemon logs under its name (hostd, vpxa) and owns sockets
 * through worlds named after it (hostd-worker, vpxa-IO), whose ids differ from the logged pid;
 * so the process instance both sources share is the daemon on its host, {@code <host>/<daemon>}.
 */
final class EsxiProcesses {

    private EsxiProcesses() {}

    /** The daemon of a log tag or world name: lower case, up to the first '-'. */
    static String daemon(String worldOrTag) {
        String lower = worldOrTag.toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        return dash > 0 ? lower.substring(0, dash) : lower;
    }

    /** {@code host/daemon}, or null when the host is unknown (the pid then identifies the process). */
    static String entityId(String host, String worldOrTag) {
        return host == null ? null : host.toLowerCase(Locale.ROOT) + "/" + daemon(worldOrTag);
    }
}
