package org.t1573.ingest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.t1573.ingest.windows.WindowsRecordParser;

/**
 * The channels the job reads, by name, each with the parser of its records and the platform
 * whose telemetry it carries (the {@code platform} of the pattern files that read it).
 */
public final class Channels {
    private static final Map<String, Supplier<RecordParser>> PARSERS = new TreeMap<>();
    private static final Map<String, String> PLATFORMS = new TreeMap<>();

    static {
        add("windows", "windows", WindowsRecordParser::new);
        add("auditd", "linux", org.t1573.ingest.linux.AuditdParser::new);
        add("auoms", "linux", org.t1573.ingest.linux.AuomsParser::new);
        add("sysmon-linux", "linux", org.t1573.ingest.linux.LinuxSysmonParser::new);
        add("osquery", "linux", org.t1573.ingest.linux.OsqueryParser::new);
        add("syslog", "linux", org.t1573.ingest.linux.SyslogParser::new);
        add("vmconnection", "linux", org.t1573.ingest.linux.VmConnectionParser::new);
        add("macos", "macos", org.t1573.ingest.macos.UnifiedLogParser::new);
        add("esxi", "esxi", org.t1573.ingest.esxi.EsxiLogParser::new);
        add("esxcli", "esxi", org.t1573.ingest.esxi.EsxcliConnectionParser::new);
        add("zeek", "network", org.t1573.ingest.network.ZeekRecordParser::new);
        add("suricata", "network", org.t1573.ingest.network.SuricataEveParser::new);
        add("netflow", "network", org.t1573.ingest.network.NetflowRecordParser::new);
    }

    private static void add(String channel, String platform, Supplier<RecordParser> parser) {
        PARSERS.put(channel, parser);
        PLATFORMS.put(channel, platform);
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

    /** The platform of a known channel's telemetry: windows, linux, macos, esxi or network. */
    public static String platformOf(String channel) {
        return PLATFORMS.get(channel);
    }

    /** Every platform some channel carries. */
    public static Set<String> platforms() {
        return Set.copyOf(PLATFORMS.values());
    }
}
