package org.t1573.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes labelled ESXi samples for AN0403, AN1499 and AN0762: daemon logs for the "esxi"
 * channel under {@code logs/} (esx01 as a plain hostd/vpxa file with a {@code # host} line,
 * esx02 as RFC 3164 and RFC 5424 syslog), {@code esxcli network ip connection list} snapshots for
 * the "esxcli" channel under {@code esxcli/} (esx01 as text tables, esx02 as CSV, each after
 * {@code # host} and {@code # collected} lines), and {@code labels.csv}. A process is the daemon
 * on its host, {@code <host>/<daemon>}.
 *
 * <p>The output is a pure function of the code (no randomness), so
 * {@code EsxiSamplesUpToDateTest} can require the committed files to equal a fresh run.
 */
public final class EsxiSampleGenerator {

    static final List<String> FILES = List.of("logs/esx01-hostd.log", "logs/esx02-syslog.log",
            "esxcli/esx01-connections.txt", "esxcli/esx02-connections.csv", "labels.csv");

    private static final String AN0403 = "AN0403";
    private static final String AN1499 = "AN1499";
    private static final String AN0762 = "AN0762";
    private static final String NONE = "";
    private static final String ESX01 = "esx01.lab";
    private static final String ESX02 = "esx02.lab";
    private static final String ESX01_IP = "10.0.0.21";
    private static final String ESX02_IP = "10.0.0.22";

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> TEXT_HEADER = List.of("Proto", "Recv Q", "Send Q", "Local Address",
            "Foreign Address", "State", "World ID", "CC Algo", "World Name");

    private final List<String> esx01Log = new ArrayList<>(List.of("# host " + ESX01));
    private final List<String> esx02Log = new ArrayList<>();
    private final List<String> esx01Tables = new ArrayList<>();
    private final List<String> esx02Tables = new ArrayList<>();
    private final LabelsCsv labels = new LabelsCsv();
    private int opId = 100;

    private EsxiSampleGenerator() {}

    /** Writes the samples into the directory given as the only argument, default {@code samples/esxi}. */
    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "samples/esxi"));
    }

    /** Generates every scenario and writes the sample files under {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        EsxiSampleGenerator g = new EsxiSampleGenerator();
        g.esx01();
        g.esx02();
        List<List<String>> contents = List.of(g.esx01Log, g.esx02Log, g.esx01Tables, g.esx02Tables);
        for (int i = 0; i < contents.size(); i++) {
            Path file = dir.resolve(FILES.get(i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", contents.get(i)) + "\n", StandardCharsets.UTF_8);
        }
        g.labels.write(dir.resolve("labels.csv"));
    }

    // ---------------------------------------------------------------- esx01: plain log, text snapshots

    private void esx01() {
        login(null, at("09:55:00"));
        Instant t = at("10:00:00");
        plain("hostd", 2099235, t, "IO.Http", "SSLStreamImpl: cipher AES256-GCM-SHA384 selected for stream");
        Instant snap = at("10:05:00");
        textSnapshot(snap, List.of(
                row("tcp", "0.0.0.0:443", "0.0.0.0:0", "LISTEN", 2099232, "envoy"),
                row("tcp", ESX01_IP + ":443", "10.0.0.5:51522", "ESTABLISHED", 2099232, "envoy"),
                row("tcp", ESX01_IP + ":41822", "203.0.113.80:4443", "ESTABLISHED", 2099402, "hostd-worker"),
                row("udp", "0.0.0.0:123", "0.0.0.0:0", "", 2098765, "ntpd")));
        label("an0403_hostd_stream", ESX01, "hostd", "203.0.113.80:4443", t, snap, true, AN0403 + " " + AN0762,
                "hostd logs AES-GCM stream encryption, then the next esxcli snapshot shows hostd-worker ESTABLISHED"
                        + " to a public IP on 4443");

        t = at("11:00:00");
        plain("vpxa", 2100100, t, "vpxaHalCnxHostagent", "SSL handshake with hostupdate.vmware.com:443 completed");
        plain("vpxa", 2100100, t.plusSeconds(1), "vpxaHalCnxHostagent", "SSLStreamImpl: cipher AES128-GCM-SHA256 selected");
        plain("vpxa", 2100100, t.plusSeconds(2), "VpxaUpdate",
                "Fetching https://hostupdate.vmware.com/software/VUM/PRODUCTION/main/vmw-depot-index.xml");
        label("approved_update_host", ESX01, "vpxa", "hostupdate.vmware.com:443", t, t.plusSeconds(2), false, NONE,
                "vpxa handshake and stream encryption, then the VMware update depot: AN0403 and AN0762 silenced by"
                        + " AllowedMgmtHosts, AN1499 by BaselineMgmtHosts");

        t = at("12:00:00");
        plain("hostd", 2099235, t, "IO.Http", "SSL handshake with 10.0.0.9:443 completed");
        plain("hostd", 2099235, t.plusSeconds(1), "IO.Http", "SSLStreamImpl: cipher AES256-GCM-SHA384 selected for stream");
        snap = at("12:05:00");
        textSnapshot(snap, List.of(row("tcp", ESX01_IP + ":41900", "10.0.0.9:443", "ESTABLISHED", 2099402, "hostd-worker")));
        label("internal_vcenter", ESX01, "hostd", "10.0.0.9:443", t, snap, false, NONE,
                "hostd handshake and stream to the internal vCenter 10.0.0.9: not external, no analytic alerts");

        t = at("13:00:00");
        plain("hostd", 2099235, t, "IO.Http", "SSLStreamImpl: cipher AES256-GCM-SHA384 selected for stream");
        snap = at("13:05:00");
        textSnapshot(snap, List.of(row("tcp", ESX01_IP + ":52011", "198.51.100.99:22", "ESTABLISHED", 2101777, "ssh")));
        label("other_world", ESX01, "ssh", "198.51.100.99:22", t, snap, false, NONE,
                "near miss: hostd stream encryption, then an outbound session owned by another world (ssh), not hostd");
    }

    // ---------------------------------------------------------------- esx02: syslog, CSV snapshots

    private void esx02() {
        login(ESX02, at("09:50:00"));
        Instant t = at("10:00:00");
        rfc5424("Vpxa", 2100300, t, "vpxaHalCnxHostagent", "SSL handshake with 198.51.100.90:8443 completed");
        rfc3164("Vpxa", "vpxa", 2100300, t.plusSeconds(120), "vpxaVmomi", "Connection to https://198.51.100.90:8443/sdk opened");
        Instant snap = at("10:05:00");
        csvSnapshot(snap, List.of(
                row("tcp", ESX02_IP + ":40110", "198.51.100.90:8443", "ESTABLISHED", 2100302, "vpxa-worker"),
                row("tcp", ESX02_IP + ":40112", "10.0.0.9:443", "ESTABLISHED", 2099501, "hostd-worker")));
        label("an1499_vpxa_handshake", ESX02, "vpxa", "198.51.100.90:8443", t, snap, true, AN1499 + " " + AN0762,
                "vpxa completes an SSL handshake with a public IP on 8443 outside the management baseline, logs the"
                        + " connection and holds it in the next snapshot");

        t = at("11:00:00");
        rfc3164("Hostd", "hostd", 2099500, t, "IO.Http", "Using TLS 1.2 for outgoing session");
        snap = at("11:05:00");
        csvSnapshot(snap, List.of(row("tcp", ESX02_IP + ":40500", "192.0.2.200:443", "ESTABLISHED", 2099503, "hostd-IO")));
        label("an0762_hostd_tls", ESX02, "hostd", "192.0.2.200:443", t, snap, true, AN0762,
                "hostd logs TLS use of neither kind, then holds a session to an unapproved external host on 443");

        t = at("12:00:00");
        rfc5424("Vpxa", 2100300, t, "vpxaHalCnxHostagent", "SSL handshake with 203.0.113.99:443 completed");
        snap = at("12:20:00");
        csvSnapshot(snap, List.of(row("tcp", ESX02_IP + ":40900", "203.0.113.99:443", "ESTABLISHED", 2100302, "vpxa-worker")));
        label("late_snapshot", ESX02, "vpxa", "203.0.113.99:443", t, snap, false, NONE,
                "near miss: the session is first seen by a snapshot 20 minutes after the handshake (TimeWindow 15m)");
    }

    // ---------------------------------------------------------------- log lines

    /** Benign noise: an administrator logs in through the host client (esx01 when host is null). */
    private void login(String host, Instant t) {
        String message = "Event 101 : User root@10.0.0.5 logged in as VMware-client/6.5.0";
        if (host == null) {
            plain("hostd", 2099235, t, "Vimsvc.ha-eventmgr", message);
        } else {
            rfc3164("Hostd", "hostd", 2099500, t, "Vimsvc.ha-eventmgr", message);
        }
        String process = host == null ? ESX01 : host;
        label("admin_login", process, "hostd", "", t, t, false, NONE, "benign noise: host client login (inbound)");
    }

    private String originator(String sub) {
        return "[Originator@6876 sub=" + sub + " opID=smp-" + (++opId) + "]";
    }

    private void plain(String daemon, int pid, Instant t, String sub, String message) {
        esx01Log.add(LOG_TIME.format(t) + " info " + daemon + "[" + pid + "] " + originator(sub) + " " + message);
    }

    private void rfc3164(String tag, String daemon, int pid, Instant t, String sub, String message) {
        esx02Log.add("<166>" + LOG_TIME.format(t) + " " + ESX02 + " " + tag + ": info " + daemon + "[" + pid + "] "
                + originator(sub) + " " + message);
    }

    private void rfc5424(String app, int pid, Instant t, String sub, String message) {
        esx02Log.add("<166>1 " + LOG_TIME.format(t) + " " + ESX02 + " " + app + " " + pid + " - " + originator(sub)
                + " " + message);
    }

    // ---------------------------------------------------------------- esxcli snapshots

    private static List<String> row(String proto, String local, String foreign, String state, int world, String name) {
        return List.of(proto, "0", "0", local, foreign, state, String.valueOf(world), proto.equals("tcp") ? "newreno" : "", name);
    }

    /** The text table: columns as wide as their widest cell, two spaces apart, dashes under the header. */
    private void textSnapshot(Instant t, List<List<String>> rows) {
        int[] width = new int[TEXT_HEADER.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = TEXT_HEADER.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        esx01Tables.add("# host " + ESX01);
        esx01Tables.add("# collected " + ISO_SECONDS.format(t));
        esx01Tables.add(textLine(TEXT_HEADER, width));
        List<String> dashes = new ArrayList<>();
        for (int w : width) {
            dashes.add("-".repeat(w));
        }
        esx01Tables.add(textLine(dashes, width));
        rows.forEach(r -> esx01Tables.add(textLine(r, width)));
    }

    private static String textLine(List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(c == 0 ? "" : "  ").append(cell).append(" ".repeat(width[c] - cell.length()));
        }
        return line.toString().stripTrailing();
    }

    /** {@code --formatter=csv}: columns in the formatter's alphabetical order. */
    private void csvSnapshot(Instant t, List<List<String>> rows) {
        esx02Tables.add("# host " + ESX02);
        esx02Tables.add("# collected " + ISO_SECONDS.format(t));
        esx02Tables.add("CCAlgo,ForeignAddress,LocalAddress,Proto,RecvQ,SendQ,State,WorldID,WorldName");
        for (List<String> r : rows) {
            esx02Tables.add(String.join(",", r.get(7), r.get(4), r.get(3), r.get(0), r.get(1), r.get(2), r.get(5),
                    r.get(6), r.get(8)));
        }
    }

    // ---------------------------------------------------------------- labels

    private void label(String scenario, String host, String daemon, String destination, Instant from, Instant to,
            boolean malicious, String expected, String description) {
        labels.addWidened(scenario, host, host + "/" + daemon, destination, from, to, malicious, expected,
                description);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-05T" + time + "Z");
    }
}
