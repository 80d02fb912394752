package org.t1573.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes labelled Linux sample telemetry for AN0401, AN1497 and AN0760: {@code osquery.ndjson}
 * (process_memory_map and process_open_sockets results, differential and snapshot, with the
 * process columns joined from {@code processes}), {@code audit.log} (raw auditd execve and
 * connect events with SOCKADDR) and {@code labels.csv} (one row per labelled process).
 *
 * <p>The output is a pure function of the code (a fixed seed supplies jitter and ports), so
 * {@code LinuxSamplesUpToDateTest} requires the committed files to equal a fresh run. Run
 * {@code main} after changing a scenario.
 */
public final class LinuxSampleGenerator {

    public static final String AN0401 = "AN0401";
    public static final String AN1497 = "AN1497";
    public static final String AN0760 = "AN0760";

    private static final long SEED = 1573L;
    private static final Instant DAY = Instant.parse("2026-03-03T00:00:00Z");
    private static final String LIBCRYPTO = "/usr/lib/x86_64-linux-gnu/libcrypto.so.3";
    private static final String LIBSSL = "/usr/lib/x86_64-linux-gnu/libssl.so.3";
    private static final String LIBGNUTLS = "/usr/lib/x86_64-linux-gnu/libgnutls.so.30";
    private static final String LIBNETTLE = "/usr/lib/x86_64-linux-gnu/libnettle.so.8";
    /** osquery's schedule interval for the memory-map and socket queries. */
    private static final int QUERY_INTERVAL_SECONDS = 30;

    private final Random random = new Random(SEED);
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Timed> osquery = new ArrayList<>();
    private final List<Timed> audit = new ArrayList<>();
    private final LabelsCsv labels = new LabelsCsv();
    private long serial = 40_000;

    private LinuxSampleGenerator() {}

    /** Writes the samples into the directory given as the only argument, default {@code samples/linux}. */
    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "samples/linux"));
    }

    /** Generates every scenario and writes the three sample files into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        LinuxSampleGenerator g = new LinuxSampleGenerator();
        g.generate();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("osquery.ndjson"), inTimeOrder(g.osquery), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("audit.log"), inTimeOrder(g.audit), StandardCharsets.UTF_8);
        g.labels.write(dir.resolve("labels.csv"));
    }

    private void generate() {
        pythonAesBeacon(at("08:00:00"));
        sshTrusted(at("08:30:00"));
        perlLateConnection(at("09:00:00"));
        implantTlsC2(at("10:00:00"));
        curlExpected(at("10:30:00"));
        socatInternal(at("10:40:00"));
        curlNonStandardPort(at("11:00:00"));
        aptHttpsMirror(at("11:30:00"));
        curlStandardPort(at("11:40:00"));
    }

    // ---------------------------------------------------------------- scenarios

    private void pythonAesBeacon(Instant t0) {
        Proc p = start("lnx-app-01", 31337, "/usr/bin/python3.10", "python3 /dev/shm/.x/agent.py", 1000, t0);
        Instant seen = mapped(p, t0.plusSeconds(QUERY_INTERVAL_SECONDS), LIBCRYPTO);
        Instant last = beacon(p, seen.plusSeconds(20), "203.0.113.50", 8080, 10, 60, 5);
        label("python_aes_beacon", p, "203.0.113.50:8080", t0, last, "malicious", AN0401,
                "python agent in /dev/shm maps libcrypto (AES) then beacons every 60 s +-5 s to a public IP");
    }

    private void sshTrusted(Instant t0) {
        Proc p = start("lnx-app-01", 4100, "/usr/bin/ssh", "ssh -N -L 5432:db:5432 deploy@198.51.100.40", 1000, t0);
        Instant last = mappedThenConnects(p, t0, "198.51.100.40", 22, LIBCRYPTO);
        label("ssh_trusted", p, "198.51.100.40:22", t0, last, "benign", "",
                "seed false positive (trusted crypto library user): ssh maps libcrypto and connects out; in TrustedCryptoLibs");
    }

    private void perlLateConnection(Instant t0) {
        Proc p = start("lnx-build-02", 5200, "/usr/bin/perl", "perl /tmp/sync.pl", 1001, t0);
        mapped(p, t0.plusSeconds(QUERY_INTERVAL_SECONDS), LIBCRYPTO);
        Instant last = connect(p, t0.plusSeconds(20 * 60 + QUERY_INTERVAL_SECONDS), "203.0.113.61", 8443);
        label("perl_late_connection", p, "203.0.113.61:8443", t0, last, "benign", "",
                "near miss for AN0401: libcrypto mapped but the external session comes 20 min later (TimeWindow 15m)");
    }

    private void implantTlsC2(Instant t0) {
        Proc p = start("lnx-web-03", 6600, "/var/tmp/.kworker", "/var/tmp/.kworker", 33, t0);
        Instant seen = mapped(p, t0.plusSeconds(QUERY_INTERVAL_SECONDS), LIBCRYPTO, LIBSSL);
        Instant last = beacon(p, seen.plusSeconds(15), "198.51.100.23", 443, 5, 300, 20);
        label("implant_tls_c2", p, "198.51.100.23:443", t0, last, "malicious", AN0401 + " " + AN1497,
                "custom binary run by www-data maps libssl and libcrypto then holds TLS sessions to a public IP every 300 s;"
                        + " port 443 is standard so AN0760 stays silent");
    }

    private void curlExpected(Instant t0) {
        Proc p = start("lnx-web-03", 6700, "/usr/bin/curl", "curl -fsS https://api.example.com/health", 33, t0);
        Instant last = mappedThenConnects(p, t0, "203.0.113.90", 443, LIBCRYPTO, LIBSSL);
        label("curl_expected", p, "203.0.113.90:443", t0, last, "benign", "",
                "seed false positive (expected crypto libs): curl maps libssl for HTTPS; in ExpectedCryptoLibs and TrustedCryptoLibs");
    }

    private void socatInternal(Instant t0) {
        Proc p = start("lnx-web-03", 6800, "/usr/bin/socat", "socat - OPENSSL:10.20.0.5:4443", 0, t0);
        Instant last = mappedThenConnects(p, t0, "10.20.0.5", 4443, LIBCRYPTO, LIBSSL);
        label("socat_internal", p, "10.20.0.5:4443", t0, last, "benign", "",
                "near miss for AN1497 and AN0760: socat maps libssl but its TLS session stays on the internal network");
    }

    private void curlNonStandardPort(Instant t0) {
        Proc p = start("lnx-build-02", 7100, "/usr/bin/curl", "curl -sk https://203.0.113.80:8444/tasks", 1001, t0);
        Instant seen = t0.plusSeconds(QUERY_INTERVAL_SECONDS);
        snapshot(p, seen, LIBCRYPTO, LIBSSL);
        Instant at = seen;
        for (int i = 0; i < 6; i++) {
            at = at.plusSeconds(QUERY_INTERVAL_SECONDS);
            openSocket(p, at, "203.0.113.80", 8444);
        }
        label("curl_nonstandard_port", p, "203.0.113.80:8444", t0, at, "malicious", AN0760,
                "curl (an expected TLS client) polling a public IP on port 8444 seen by osquery sockets six times;"
                        + " AN0401 and AN1497 allow curl and AN0760 flags the non-standard port");
    }

    private void aptHttpsMirror(Instant t0) {
        Proc p = start("lnx-build-02", 7200, "/usr/lib/apt/methods/https", "/usr/lib/apt/methods/https", 42, t0);
        Instant last = mappedThenConnects(p, t0, "185.125.190.36", 9443, LIBGNUTLS, LIBNETTLE);
        label("apt_https_mirror", p, "185.125.190.36:9443", t0, last, "benign", "",
                "seed false positive (package updates in WhitelistedDaemons): apt's https method maps GnuTLS and fetches"
                        + " from a mirror on port 9443");
    }

    private void curlStandardPort(Instant t0) {
        Proc p = start("lnx-build-02", 7300, "/usr/bin/curl", "curl -s https://203.0.113.80/tasks", 1001, t0);
        Instant last = mappedThenConnects(p, t0, "203.0.113.80", 443, LIBCRYPTO, LIBSSL);
        label("curl_standard_port", p, "203.0.113.80:443", t0, last, "benign", "",
                "near miss for AN0760: the same curl to the same host but on port 443");
    }

    // ---------------------------------------------------------------- telemetry

    /** A process started by execve, as auditd logs it. */
    private Proc start(String host, long pid, String exe, String commandLine, int uid, Instant t) {
        Proc p = new Proc(host, pid, exe, exe.substring(exe.lastIndexOf('/') + 1), commandLine, uid);
        String[] argv = commandLine.split(" ");
        StringBuilder execve = new StringBuilder("argc=" + argv.length);
        for (int i = 0; i < argv.length; i++) {
            execve.append(" a").append(i).append("=\"").append(argv[i]).append('"');
        }
        auditEvent(p, t, "syscall=59 success=yes exit=0", List.of(
                "EXECVE " + execve,
                "CWD cwd=\"/\"",
                "PATH item=0 name=\"" + exe + "\" inode=" + (100_000 + pid) + " nametype=NORMAL"));
        return p;
    }

    /** The libraries seen by the first query after the start, then one connect a second later. */
    private Instant mappedThenConnects(Proc p, Instant t0, String ip, int port, String... libraries) {
        Instant seen = mapped(p, t0.plusSeconds(QUERY_INTERVAL_SECONDS), libraries);
        return connect(p, seen.plusSeconds(1), ip, port);
    }

    /** One auditd connect() event with the IPv4 SOCKADDR; returns its time. */
    private Instant connect(Proc p, Instant t, String ip, int port) {
        auditEvent(p, t, "syscall=42 success=yes exit=0", List.of("SOCKADDR saddr=" + sockaddr(ip, port)));
        return t;
    }

    /** {@code count} connects, {@code period} seconds apart with +-{@code jitter}; returns the last time. */
    private Instant beacon(Proc p, Instant first, String ip, int port, int count, int period, int jitter) {
        Instant t = first;
        for (int i = 0; i < count; i++) {
            connect(p, t, ip, port);
            if (i < count - 1) {
                t = t.plusSeconds(period + random.nextInt(2 * jitter + 1) - jitter);
            }
        }
        return t;
    }

    private void auditEvent(Proc p, Instant t, String syscall, List<String> records) {
        String id = String.format("audit(%d.%03d:%d)", t.getEpochSecond(), t.getNano() / 1_000_000, serial++);
        List<String> lines = new ArrayList<>();
        lines.add("SYSCALL arch=c000003e " + syscall + " ppid=1 pid=" + p.pid + " auid=" + p.uid + " uid=" + p.uid
                + " tty=(none) comm=\"" + p.name + "\" exe=\"" + p.exe + "\" key=\"t1573\"");
        lines.addAll(records);
        lines.add("PROCTITLE proctitle=" + HexFormat.of().withUpperCase()
                .formatHex(p.commandLine.replace(' ', '\0').getBytes(StandardCharsets.UTF_8)));
        lines.add("EOE");
        String text = lines.stream()
                .map(r -> {
                    int space = r.indexOf(' ');
                    String type = space < 0 ? r : r.substring(0, space);
                    String fields = space < 0 ? "" : r.substring(space + 1);
                    return "node=" + p.host + " type=" + type + " msg=" + id + ": " + fields;
                })
                .collect(Collectors.joining("\n"));
        audit.add(new Timed(t, text));
    }

    private static String sockaddr(String ip, int port) {
        StringBuilder hex = new StringBuilder(String.format("0200%04X", port));
        for (String octet : ip.split("\\.")) {
            hex.append(String.format("%02X", Integer.parseInt(octet)));
        }
        return hex.append("0000000000000000").toString();
    }

    /** osquery differential rows for each library's first two segments; returns when osquery saw them. */
    private Instant mapped(Proc p, Instant seen, String... libraries) {
        for (String library : libraries) {
            for (String offset : List.of("0", "4096")) {
                ObjectNode result = result("process_memory_map_crypto", p, seen);
                result.put("action", "added");
                result.set("columns", mapRow(p, library, offset));
                osquery.add(new Timed(seen, result.toString()));
            }
        }
        return seen;
    }

    /** The libraries as one snapshot result. */
    private void snapshot(Proc p, Instant seen, String... libraries) {
        ObjectNode result = result("process_memory_map_crypto", p, seen);
        result.put("action", "snapshot");
        ArrayNode rows = result.putArray("snapshot");
        for (String library : libraries) {
            rows.add(mapRow(p, library, "0"));
        }
        osquery.add(new Timed(seen, result.toString()));
    }

    private ObjectNode mapRow(Proc p, String library, String offset) {
        ObjectNode row = joinedProcess(p);
        row.put("path", library);
        row.put("offset", offset);
        row.put("permissions", "0".equals(offset) ? "r--p" : "r-xp");
        row.put("inode", Integer.toString(library.hashCode() & 0xfffff));
        return row;
    }

    /** An established socket osquery saw at {@code seen}, from a fresh ephemeral port. */
    private void openSocket(Proc p, Instant seen, String ip, int port) {
        ObjectNode result = result("process_open_sockets_outbound", p, seen);
        result.put("action", "added");
        ObjectNode row = joinedProcess(p);
        row.put("family", "2");
        row.put("protocol", "6");
        row.put("local_address", "10.2.0.12");
        row.put("local_port", Integer.toString(40_000 + random.nextInt(20_000)));
        row.put("remote_address", ip);
        row.put("remote_port", Integer.toString(port));
        row.put("state", "ESTABLISHED");
        result.set("columns", row);
        osquery.add(new Timed(seen, result.toString()));
    }

    private ObjectNode joinedProcess(Proc p) {
        ObjectNode row = mapper.createObjectNode();
        row.put("pid", Long.toString(p.pid));
        row.put("name", p.name);
        row.put("process_path", p.exe);
        row.put("cmdline", p.commandLine);
        return row;
    }

    private ObjectNode result(String query, Proc p, Instant seen) {
        ObjectNode result = mapper.createObjectNode();
        result.put("name", query);
        result.put("hostIdentifier", p.host);
        result.put("calendarTime", seen.toString());
        result.put("unixTime", seen.getEpochSecond());
        result.put("epoch", 0);
        result.put("counter", 1);
        return result;
    }

    private void label(String scenario, Proc p, String destination, Instant from, Instant to, String label,
            String expected, String description) {
        labels.addExact(scenario, p.host, Long.toString(p.pid), destination, from, to, label, expected, description);
    }

    private static Instant at(String time) {
        return Instant.parse(DAY.toString().substring(0, 11) + time + "Z");
    }

    private static String inTimeOrder(List<Timed> records) {
        return records.stream().sorted(Comparator.comparing(Timed::time))
                .map(Timed::text).collect(Collectors.joining("\n")) + "\n";
    }

    private record Proc(String host, long pid, String exe, String name, String commandLine, int uid) {}

    private record Timed(Instant time, String text) {}
}
