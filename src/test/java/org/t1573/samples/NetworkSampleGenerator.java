package org.t1573.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes labelled network sample telemetry for the network analytics (AN0404, AN1500, AN0763):
 * Zeek ASCII logs {@code zeek/conn.log}, {@code zeek/ssl.log} and {@code zeek/x509.log}, a goflow2
 * JSON file {@code netflow/goflow2.json}, and {@code labels.csv} (one row per scenario: source
 * address as host, destination, and the analytics expected to alert). Network alerts have no
 * process: the process column holds what they are keyed by, {@code source>destination:port}.
 *
 * <p>Everything is a pure function of the code (no randomness, no clock), so
 * {@code NetworkSamplesUpToDateTest} can require the committed files to be byte-identical with a
 * fresh run. Run {@code main} after changing a scenario.
 */
public final class NetworkSampleGenerator {

    public static final String AN0404 = "AN0404";
    public static final String AN1500 = "AN1500";
    public static final String AN0763 = "AN0763";

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final String NONE = "";
    private static final String OK = "ok";
    private static final String SELF_SIGNED = "self signed certificate";
    private static final String CA = "CN=Sample Public CA R3,O=Sample Trust,C=US";
    private static final String JA3 = "771c93a02bc1d1c2ec5fe6e1f1c5ab12";
    private static final String JA3S = "f4febc55ea12b31ae17cfb7e614afda8";
    private static final long MIB = 1024L * 1024L;

    private static final List<String> CONN_FIELDS = List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
            "id.resp_p", "proto", "service", "duration", "orig_bytes", "resp_bytes", "conn_state", "local_orig",
            "local_resp", "missed_bytes", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes",
            "tunnel_parents");
    private static final List<String> CONN_TYPES = List.of("time", "string", "addr", "port", "addr", "port", "enum",
            "string", "interval", "count", "count", "string", "bool", "bool", "count", "string", "count", "count",
            "count", "count", "set[string]");
    private static final List<String> SSL_FIELDS = List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
            "id.resp_p", "version", "cipher", "curve", "server_name", "resumed", "last_alert", "next_protocol",
            "established", "cert_chain_fuids", "client_cert_chain_fuids", "subject", "issuer", "validation_status",
            "ja3", "ja3s");
    private static final List<String> SSL_TYPES = List.of("time", "string", "addr", "port", "addr", "port", "string",
            "string", "string", "string", "bool", "string", "string", "bool", "vector[string]", "vector[string]",
            "string", "string", "string", "string", "string");
    private static final List<String> X509_FIELDS = List.of("ts", "id", "certificate.version", "certificate.serial",
            "certificate.subject", "certificate.issuer", "certificate.not_valid_before",
            "certificate.not_valid_after", "certificate.key_alg", "certificate.sig_alg", "certificate.key_type",
            "certificate.key_length", "certificate.exponent", "basic_constraints.ca");
    private static final List<String> X509_TYPES = List.of("time", "string", "count", "string", "string", "string",
            "time", "time", "string", "string", "string", "count", "string", "bool");

    private final List<Row> conn = new ArrayList<>();
    private final List<Row> ssl = new ArrayList<>();
    private final List<Row> x509 = new ArrayList<>();
    private final List<String> netflow = new ArrayList<>();
    private final LabelsCsv labels = new LabelsCsv();
    private int sessions;
    private int sourcePort = 49152;

    /** A log row and its time, so each log is written in time order. */
    private record Row(Instant ts, List<String> values) {}

    /** A TLS handshake as Zeek's ssl.log describes it; null version = a client hello nobody answered. */
    private record Tls(String version, String serverName, String validation, String lastAlert, String subject,
            String issuer) {
        static Tls valid(String serverName) {
            return new Tls("TLSv12", serverName, OK, null, "CN=" + serverName, CA);
        }
    }

    /** The byte counts and state of a conn.log record. */
    private record Flow(String service, long bytesOut, long bytesIn, String state, String history) {
        static Flow complete(String service, long bytesOut, long bytesIn) {
            return new Flow(service, bytesOut, bytesIn, "SF", "ShADadFf");
        }
    }

    private NetworkSampleGenerator() {}

    public static void main(String[] args) throws IOException {
        writeAll(Path.of("samples", "network"));
    }

    /** Writes every sample file into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        NetworkSampleGenerator g = new NetworkSampleGenerator();
        g.scenarios();
        Files.createDirectories(dir.resolve("zeek"));
        Files.createDirectories(dir.resolve("netflow"));
        write(dir.resolve("zeek/conn.log"), g.zeekLog("conn", CONN_FIELDS, CONN_TYPES, g.conn));
        write(dir.resolve("zeek/ssl.log"), g.zeekLog("ssl", SSL_FIELDS, SSL_TYPES, g.ssl));
        write(dir.resolve("zeek/x509.log"), g.zeekLog("x509", X509_FIELDS, X509_TYPES, g.x509));
        write(dir.resolve("netflow/goflow2.json"), g.netflow);
        g.labels.write(dir.resolve("labels.csv"));
    }

    private void scenarios() {
        // AN0404: opaque flows without a TLS handshake.
        Instant t = at(8, 0);
        for (int i = 0; i < 4; i++) {
            session("10.20.0.10", "203.0.113.50", 4444, t.plusSeconds(120L * i),
                    Flow.complete(null, 2100 + 37L * i, 3900 + 53L * i), null);
        }
        label("opaque_custom_c2", "10.20.0.10", "203.0.113.50:4444", t, t.plusSeconds(360), "malicious", AN0404,
                "four complete TCP sessions 2 min apart whose payload Zeek could not name and with no TLS handshake");
        t = at(8, 30);
        session("10.20.0.11", "198.51.100.20", 7000, t, Flow.complete(null, 640 * MIB, 180 * MIB), null);
        label("vpn_bulk_odd_port", "10.20.0.11", "198.51.100.20:7000", t, t.plusSeconds(3600), "benign", NONE,
                "site-to-site VPN on a custom port: opaque but VPN-scale volume above TrafficVolumeThreshold");
        t = at(9, 0);
        session("10.20.0.12", "198.51.100.21", 1194, t, Flow.complete(null, 48_000, 210_000), null);
        label("openvpn_tcp_1194", "10.20.0.12", "198.51.100.21:1194", t, t.plusSeconds(600), "benign", NONE,
                "OpenVPN over TCP on its registered port: encryption expected there (PortProfiles)");
        t = at(9, 30);
        session("10.20.0.13", "203.0.113.52", 4444, t, new Flow(null, 1800, 2600, "RSTO", "hDdaR"), null);
        label("opaque_midstream", "10.20.0.13", "203.0.113.52:4444", t, t.plusSeconds(60), "near_miss", NONE,
                "like opaque_custom_c2 but the sensor picked the session up midstream (no SYN seen)");

        // AN1500: rejected or self-issued certificates, TLS on unprofiled ports.
        t = at(10, 0);
        Tls selfSigned = new Tls("TLSv12", "cdn-sync.example", SELF_SIGNED, null,
                "CN=kuhn-harber.example,O=Kuhn Harber,C=US", "CN=kuhn-harber.example,O=Kuhn Harber,C=US");
        for (int i = 0; i < 5; i++) {
            session("10.20.0.20", "203.0.113.60", 443, t.plusSeconds(90L * i), Flow.complete("ssl", 1500, 5200),
                    selfSigned);
        }
        label("self_signed_c2_443", "10.20.0.20", "203.0.113.60:443", t, t.plusSeconds(360), "malicious", AN1500,
                "five HTTPS sessions on 443 to a server with a self-signed certificate (Metasploit-style subject)");
        t = at(10, 30);
        session("10.20.0.22", "198.51.100.30", 443, t, Flow.complete("ssl", 2300, 48_000),
                Tls.valid("www.example.com"));
        label("valid_cert_https", "10.20.0.22", "198.51.100.30:443", t, t.plusSeconds(5), "benign", NONE,
                "HTTPS with a certificate that validates");
        t = at(10, 40);
        session("10.20.0.23", "198.51.100.31", 993, t, Flow.complete("ssl", 3100, 90_000),
                Tls.valid("imap.example.com"));
        label("imaps_993", "10.20.0.23", "198.51.100.31:993", t, t.plusSeconds(5), "benign", NONE,
                "IMAPS on its expected TLS port with a valid certificate");
        t = at(10, 50);
        session("10.20.0.24", "198.51.100.32", 443, t, Flow.complete("ssl", 2000, 30_000),
                new Tls("TLSv12", "cdn.example.net", "unable to get local issuer certificate", null,
                        "CN=cdn.example.net", "CN=Sample Intermediate CA 2,O=Sample Trust,C=US"));
        label("missing_intermediate", "10.20.0.24", "198.51.100.32:443", t, t.plusSeconds(5), "near_miss", NONE,
                "Zeek's bundle lacks the intermediate: not a rejection in CertValidationPolicy");
        t = at(11, 0);
        session("10.20.0.25", "10.20.1.5", 443, t, Flow.complete("ssl", 1200, 4000),
                new Tls("TLSv12", "printer.corp.example", SELF_SIGNED, null, "CN=printer", "CN=printer"));
        label("internal_self_signed", "10.20.0.25", "10.20.1.5:443", t, t.plusSeconds(5), "near_miss", NONE,
                "self-signed certificate on an internal device (inside InternalNetworks)");

        // AN0763: TLS on unprofiled ports, upload-heavy sessions.
        t = at(12, 0);
        for (int i = 0; i < 3; i++) {
            session("10.20.0.30", "203.0.113.70", 53, t.plusSeconds(240L * i), Flow.complete("ssl", 4200 + 17L * i, 6100),
                    Tls.valid("ns1.example.org"));
        }
        label("tls_on_dns_port", "10.20.0.30", "203.0.113.70:53", t, t.plusSeconds(485), "malicious",
                AN0763 + " " + AN1500, "three TLS sessions 4 min apart tunnelled over TCP port 53");
        t = at(12, 30);
        session("10.20.0.31", "203.0.113.71", 8080, t, Flow.complete("http", 6 * MIB, 40_000), null);
        label("upload_heavy_8080", "10.20.0.31", "203.0.113.71:8080", t, t.plusSeconds(120), "malicious", AN0763,
                "6 MiB sent and 40 kB received on 8080: exfiltration-shaped asymmetry");
        t = at(13, 0);
        session("10.20.0.32", "198.51.100.40", 443, t, Flow.complete("ssl", 8 * MIB, 30_000),
                Tls.valid("upload.example.com"));
        label("https_upload_443", "10.20.0.32", "198.51.100.40:443", t, t.plusSeconds(120), "benign", NONE,
                "a large HTTPS upload on the expected TLS port");
        t = at(13, 30);
        session("10.20.0.33", "198.51.100.41", 10000, t, new Flow(null, 517, 0, "S1", "ShAD"),
                new Tls(null, null, null, null, null, null));
        label("unanswered_hello_10000", "10.20.0.33", "198.51.100.41:10000", t, t.plusSeconds(5), "near_miss", NONE,
                "a client hello on port 10000 that the server never answered: no TLS channel for AN0763/AN1500"
                        + " yet a key exchange attempt that cancels AN0404 for the opaque flow");
        t = at(14, 0);
        session("10.20.0.34", "198.51.100.42", 8080, t, Flow.complete("http", 900_000, 20_000), null);
        label("below_threshold_8080", "10.20.0.34", "198.51.100.42:8080", t, t.plusSeconds(60), "near_miss", NONE,
                "upload-shaped but below the 1 MiB floor of the asymmetry branch");

        t = at(14, 10);
        session("10.20.0.35", "198.51.100.43", 5000, t, Flow.complete("ssl", 2600, 21_000), Tls.valid("media.example.net"));
        label("tls_once_odd_port", "10.20.0.35", "198.51.100.43:5000", t, t.plusSeconds(5), "near_miss", NONE,
                "one TLS session on an unprofiled port with a certificate that validates: a site's odd service"
                        + " until it repeats (MinSessions)");

        // Persistence or strength: lapsed public certificates and what the sensor did not see.
        t = at(14, 20);
        Tls expired = new Tls("TLSv12", "www.example.org", "certificate has expired", null, "CN=www.example.org",
                "CN=R3,O=Let's Encrypt,C=US");
        for (int i = 0; i < 2; i++) {
            session("10.20.0.26", "198.51.100.33", 443, t.plusSeconds(30L * i), Flow.complete("ssl", 900, 4100), expired);
        }
        label("expired_public_certificate", "10.20.0.26", "198.51.100.33:443", t, t.plusSeconds(35), "near_miss", NONE,
                "a site's lapsed certificate from a public CA (CertificateAuthorityList): its operator's mistake");
        t = at(14, 30);
        for (int i = 0; i < 3; i++) {
            session("10.20.0.14", "198.51.100.23", 80, t.plusSeconds(60L * i), new Flow(null, 537, 294, "SF", "ShAadFf"),
                    null);
        }
        label("opaque_one_side_unseen", "10.20.0.14", "198.51.100.23:80", t, t.plusSeconds(125), "near_miss", NONE,
                "port-80 flows Zeek could not name because it saw no payload packet of the client (history without"
                        + " 'D'): unseen rather than opaque (network.payload_seen false)");

        // NetFlow: one direction, no session id, no handshake.
        t = at(15, 0);
        for (int i = 0; i < 3; i++) {
            goflow2("10.20.0.40", "203.0.113.80", 4444, t.plusSeconds(120L * i), 2400 + 11L * i);
        }
        label("netflow_opaque_4444", "10.20.0.40", "203.0.113.80:4444", t, t.plusSeconds(240), "near_miss", NONE,
                "goflow2 flows like opaque_custom_c2: NetFlow shows neither payload nor handshake so AN0404 cannot tell");
    }

    private void session(String source, String destination, int port, Instant start, Flow flow, Tls tls) {
        String uid = String.format(Locale.ROOT, "CSmpl%05dNet", ++sessions);
        int sport = sourcePort++;
        boolean internal = destination.startsWith("10.");
        long pktsOut = Math.max(1, flow.bytesOut() / 1200 + 3);
        long pktsIn = flow.bytesIn() == 0 ? 1 : flow.bytesIn() / 1200 + 3;
        conn.add(new Row(start, List.of(ts(start), uid, source, Integer.toString(sport), destination,
                Integer.toString(port), "tcp", orUnset(flow.service()), "4.250000", Long.toString(flow.bytesOut()),
                Long.toString(flow.bytesIn()), flow.state(), "T", internal ? "T" : "F", "0", flow.history(),
                Long.toString(pktsOut), Long.toString(flow.bytesOut() + 40 * pktsOut), Long.toString(pktsIn),
                Long.toString(flow.bytesIn() + 40 * pktsIn), "(empty)")));
        if (tls != null) {
            handshake(uid, source, sport, destination, port, start.plusMillis(31), tls);
        }
    }

    private void handshake(String uid, String source, int sport, String destination, int port, Instant ts, Tls tls) {
        boolean answered = tls.version() != null;
        String fileId = answered ? String.format(Locale.ROOT, "FSmpl%05dCrt", sessions) : null;
        ssl.add(new Row(ts, List.of(ts(ts), uid, source, Integer.toString(sport), destination, Integer.toString(port),
                orUnset(tls.version()), answered ? "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" : "-",
                answered ? "x25519" : "-", orUnset(tls.serverName()), "F", orUnset(tls.lastAlert()), "-",
                answered ? "T" : "F", answered ? fileId : "(empty)", "(empty)", orUnset(tls.subject()),
                orUnset(tls.issuer()), orUnset(tls.validation()), JA3, answered ? JA3S : "-")));
        if (answered) {
            x509.add(new Row(ts, List.of(ts(ts), fileId, "3", String.format(Locale.ROOT, "%016X", 0x5EED0000L + sessions),
                    tls.subject(), tls.issuer(), ts(DAY.minus(Duration.ofDays(90))), ts(DAY.plus(Duration.ofDays(275))),
                    "rsaEncryption", "sha256WithRSAEncryption", "rsa", "2048", "65537",
                    tls.subject().equals(tls.issuer()) ? "T" : "F")));
        }
    }

    private void goflow2(String source, String destination, int port, Instant start, long bytes) {
        long seconds = start.getEpochSecond();
        netflow.add("{\"Type\":\"NETFLOW_V9\",\"TimeReceived\":" + (seconds + 30) + ",\"SequenceNum\":"
                + (netflow.size() + 1) + ",\"SamplingRate\":0,\"SamplerAddress\":\"10.20.255.1\",\"TimeFlowStart\":"
                + seconds + ",\"TimeFlowEnd\":" + (seconds + 4) + ",\"Bytes\":" + bytes + ",\"Packets\":"
                + (bytes / 600 + 3) + ",\"SrcAddr\":\"" + source + "\",\"DstAddr\":\"" + destination
                + "\",\"Etype\":2048,\"Proto\":6,\"SrcPort\":" + (sourcePort++) + ",\"DstPort\":" + port + "}");
    }

    private void label(String scenario, String host, String destination, Instant from, Instant to, String label,
            String expected, String description) {
        labels.addExact(scenario, host, host + ">" + destination, destination, from, to, label, expected, description);
    }

    private List<String> zeekLog(String path, List<String> fields, List<String> types, List<Row> rows) {
        List<String> out = new ArrayList<>(List.of("#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)",
                "#unset_field\t-", "#path\t" + path, "#open\t2026-03-02-00-00-00",
                "#fields\t" + String.join("\t", fields), "#types\t" + String.join("\t", types)));
        rows.stream().sorted(Comparator.comparing(Row::ts)).forEach(r -> out.add(String.join("\t", r.values())));
        out.add("#close\t2026-03-03-00-00-00");
        return out;
    }

    private static Instant at(int hour, int minute) {
        return DAY.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    /** Zeek's epoch seconds with six decimals. */
    private static String ts(Instant t) {
        return String.format(Locale.ROOT, "%d.%06d", t.getEpochSecond(), t.getNano() / 1000);
    }

    private static String orUnset(String value) {
        return value == null ? "-" : value;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
