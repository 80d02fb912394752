package org.t1573.ingest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.t1573.ingest.windows.WindowsRecordParser;

/** The channels the job reads, by name, each with the parser of its records. */
public final class Channels {
    private static final Map<String, Supplier<RecordParser>> PARSERS = new TreeMap<>();

    static {
        PARSERS.put("windows", WindowsRecordParser::new);
        PARSERS.put("auditd", org.t1573.ingest.linux.AuditdParser::new);
        PARSERS.put("auoms", org.t1573.ingest.linux.AuomsParser::new);
        PARSERS.put("sysmon-linux", org.t1573.ingest.linux.LinuxSysmonParser::new);
        PARSERS.put("osquery", org.t1573.ingest.linux.OsqueryParser::new);
        PARSERS.put("syslog", org.t1573.ingest.linux.SyslogParser::new);
        PARSERS.put("vmconnection", org.t1573.ingest.linux.VmConnectionParser::new);
        PARSERS.put("macos", org.t1573.ingest.macos.UnifiedLogParser::new);
        PARSERS.put("esxi", org.t1573.ingest.esxi.EsxiLogParser::new);
        PARSERS.put("esxcli", org.t1573.ingest.esxi.EsxcliConnectionParser::new);
        PARSERS.put("zeek", org.t1573.ingest.network.ZeekRecordParser::new);
        PARSERS.put("suricata", org.t1573.ingest.network.SuricataEveParser::new);
        PARSERS.put("netflow", org.t1573.ingest.network.NetflowRecordParser::new);
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
}
