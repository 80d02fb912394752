package org.t1573.ingest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.t1573.ingest.windows.WindowsRecordParser;

/**
 * The channels the job reads, by name, each with the parser of its records, what it reads and
 * the platform whose telemetry it carries (the {@code platform} of the pattern files that read it).
 */
public final class Channels {
    private static final Map<String, Supplier<RecordParser>> PARSERS = new TreeMap<>();
    private static final Map<String, String> PLATFORMS = new TreeMap<>();

    private static final Map<String, String> DESCRIPTIONS = new TreeMap<>();

    static {
        add("windows", "windows", "Sysmon flat JSON, Winlogbeat/Elastic Agent Sysmon, Defender Advanced Hunting rows and "
                + "streaming-API envelopes, CAPI2, EVTX as JSON (evtx_dump, SigmaHQ regression data; one record per line)",
                WindowsRecordParser::new);
        add("auditd", "linux", "raw audit.log", org.t1573.ingest.linux.AuditdParser::new);
        add("auoms", "linux", "Azure Log Analytics Syslog rows written by AUOMS", org.t1573.ingest.linux.AuomsParser::new);
        add("sysmon-linux", "linux", "Sysmon for Linux event XML, raw or in Log Analytics Syslog rows", org.t1573.ingest.linux.LinuxSysmonParser::new);
        add("osquery", "linux", "osquery scheduled-query results (differentials, snapshots), one JSON a line", org.t1573.ingest.linux.OsqueryParser::new);
        add("syslog", "linux", "daemons' syslog lines, RFC 5424 or RFC 3164", org.t1573.ingest.linux.SyslogParser::new);
        add("vmconnection", "linux", "Azure VM Insights VMConnection rows", org.t1573.ingest.linux.VmConnectionParser::new);
        add("macos", "macos", "unified log (log show --style ndjson|json)", org.t1573.ingest.macos.UnifiedLogParser::new);
        add("esxi", "esxi", "hostd, vpxa and vpxd logs, plain or syslog", org.t1573.ingest.esxi.EsxiLogParser::new);
        add("esxcli", "esxi", "esxcli network ip connection list, table or CSV",
                org.t1573.ingest.esxi.EsxcliConnectionParser::new);
        add("zeek", "network", "Zeek conn, ssl and x509 logs, TSV or JSON", org.t1573.ingest.network.ZeekRecordParser::new);
        add("suricata", "network", "Suricata EVE flow and tls events", org.t1573.ingest.network.SuricataEveParser::new);
        add("netflow", "network", "goflow2 JSON, nfdump CSV and text, Argus binetflow",
                org.t1573.ingest.network.NetflowRecordParser::new);
    }

    private static void add(String channel, String platform, String description, Supplier<RecordParser> parser) {
        PARSERS.put(channel, parser);
        PLATFORMS.put(channel, platform);
        DESCRIPTIONS.put(channel, description);
    }

    private Channels() {}

    /** A new parser for the channel; IllegalArgumentException names the known channels. */
    public static RecordParser parserFor(String channel) {
        Supplier<RecordParser> s = PARSERS.get(channel);
        if (s == null) {
            throw new IllegalArgumentException("unknown channel '" + channel + "' (known: " + PARSERS.keySet() + ")");
        }
        return s.get();
    }

    public static Set<String> names() {
        return PARSERS.keySet();
    }

    /** What a known channel reads, for the help text. */
    public static String describe(String channel) {
        return DESCRIPTIONS.get(channel);
    }

    /** The platform of a known channel's telemetry: windows, linux, macos, esxi or network. */
    public static String platformOf(String channel) {
        return PLATFORMS.get(channel);
    }

    /** Every platform some channel carries. */
    public static Set<String> platforms() {
        return Set.copyOf(PLATFORMS.values());
    }
}
