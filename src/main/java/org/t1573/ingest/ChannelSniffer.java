package org.t1573.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;

/**
 * Tells the channel of a telemetry file from its first {@link #HEAD_BYTES} bytes (decompressed by
 * extension, as the file source reads it): Zeek's {@code #separator} header, the keys of a JSON
 * record, XML, audit.log, table and CSV headers, syslog framing. Comment lines ({@code # host},
 * {@code # collected}) and blank lines before the first record are skipped. The shapes are tried
 * most specific first, so a Log Analytics row that wraps Sysmon XML is {@code sysmon-linux}, not
 * {@code windows}.
 */
public final class ChannelSniffer {
    /** Enough for the first few records of every shape (a Sysmon record is 1 to 3 KB). */
    public static final int HEAD_BYTES = 8192;

    /** The channel chosen for a file and the shape that chose it, as printed: {@code zeek (Zeek TSV header)}. */
    public record Choice(String channel, String shape) {
        @Override
        public String toString() {
            return channel + " (" + shape + ")";
        }
    }

    private record Rule(String channel, String shape, Predicate<String> matches) {}

    private static final Pattern AUDIT = Pattern.compile("^(node=\\S+ )?type=\\S+ msg=audit\\(.*", Pattern.DOTALL);
    private static final Pattern VMWARE_DAEMON = Pattern.compile("(?i).*\\b(hostd|vpxa|vpxd)\\b.*", Pattern.DOTALL);
    private static final Pattern SYSLOG = Pattern.compile(
            "^(<\\d{1,3}>1 \\d{4}-\\d\\d-\\d\\dT|(<\\d{1,3}>)?[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ).*", Pattern.DOTALL);

    /** Tried in order on the first record's text; JSON rules see the first line or, for a JSON array, the head. */
    private static final List<Rule> RULES = List.of(
            new Rule("zeek", "Zeek TSV header", r -> r.startsWith("#separator")),
            new Rule("macos", "macOS unified log JSON", json("\"eventMessage\"", "\"machTimestamp\"")),
            new Rule("suricata", "Suricata EVE JSON", jsonWithAll("\"event_type\"", "\"timestamp\"")),
            new Rule("zeek", "Zeek JSON log", json("\"id.orig_h\"", "\"id_orig_h\"", "\"@stream\"",
                    "\"certificate.version\"", "\"certificate_version\"")),
            new Rule("auoms", "Log Analytics Syslog row of AUOMS", jsonWithAll("\"SyslogMessage\"", "AUOMS_")),
            // The XML in the row is JSON-escaped (\u003cEvent), its provider's name is not.
            new Rule("sysmon-linux", "Log Analytics Syslog row of Sysmon for Linux XML",
                    jsonWithAll("\"SyslogMessage\"", "Linux-Sysmon")),
            new Rule("vmconnection", "VM Insights VMConnection row", json("\"VMConnection\"", "\"LinksEstablished\"")),
            new Rule("osquery", "osquery result JSON", json("\"hostIdentifier\"")),
            new Rule("netflow", "goflow2 JSON", json("\"TimeFlowStart\"", "\"SamplerAddress\"")),
            new Rule("windows", "Windows event JSON (Sysmon, CAPI2, Winlogbeat, Defender, EVTX JSON)",
                    json("\"EventID\"", "\"EventId\"", "\"winlog", "\"ActionType\"", "\"AdvancedHunting-")),
            new Rule("sysmon-linux", "Sysmon for Linux event XML", r -> r.startsWith("<Event")),
            new Rule("auditd", "audit.log records", r -> AUDIT.matcher(r).matches()),
            new Rule("esxcli", "esxcli connection list header", r -> r.startsWith("Proto") && r.contains("Foreign Address")
                    || firstLine(r).contains(",") && firstLine(r).contains("ForeignAddress")),
            new Rule("netflow", "nfdump or Argus header", r -> r.startsWith("ts,te,") || r.startsWith("StartTime,")
                    || r.startsWith("Date flow start")),
            new Rule("esxi", "VMware hostd/vpxa/vpxd log", r -> !isJson(r) && VMWARE_DAEMON.matcher(firstLine(r)).matches()),
            new Rule("syslog", "syslog lines", r -> SYSLOG.matcher(r).matches()));

    private ChannelSniffer() {}

    /** The channel of a file, or null if no channel recognises its first bytes. */
    public static Choice sniff(Path file) throws IOException {
        InflaterInputStreamFactory<?> inflater = StandardDeCompressors.getDecompressorForFileName(file.toString());
        try (InputStream raw = java.nio.file.Files.newInputStream(file);
                InputStream in = inflater == null ? raw : inflater.create(raw)) {
            return ofHead(new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8));
        }
    }

    /** The channel of a file that starts with this text, or null. */
    public static Choice ofHead(String head) {
        String record = firstRecord(head);
        for (Rule rule : RULES) {
            if (rule.matches().test(record)) {
                return new Choice(rule.channel(), rule.shape());
            }
        }
        return null;
    }

    /** The head from its first record on: byte-order mark, blank lines and {@code #} comments skipped, Zeek's kept. */
    private static String firstRecord(String head) {
        String rest = head.startsWith("\uFEFF") ? head.substring(1) : head;
        while (!rest.isEmpty()) {
            String line = firstLine(rest);
            if (!line.isBlank() && !(line.startsWith("#") && !line.startsWith("#separator"))) {
                return rest.stripLeading();
            }
            int next = rest.indexOf('\n');
            rest = next < 0 ? "" : rest.substring(next + 1);
        }
        return "";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static boolean isJson(String record) {
        return record.startsWith("{") || record.startsWith("[");
    }

    /** A JSON record with one of these keys (or values) in its first line, or in the head of a JSON array. */
    private static Predicate<String> json(String... anyOf) {
        return record -> isJson(record) && List.of(anyOf).stream().anyMatch(jsonScope(record)::contains);
    }

    /** A JSON record with all of these keys (or values), in the same scope as {@link #json}. */
    private static Predicate<String> jsonWithAll(String... allOf) {
        return record -> isJson(record) && List.of(allOf).stream().allMatch(jsonScope(record)::contains);
    }

    /** Where a record's keys are: ndjson's first line, or the head of an array whose objects span lines. */
    private static String jsonScope(String record) {
        return record.startsWith("[") ? record : firstLine(record);
    }
}
