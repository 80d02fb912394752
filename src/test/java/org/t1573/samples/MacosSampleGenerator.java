package org.t1573.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes labelled macOS unified-log samples for AN0402, AN1498 and AN0761: two Macs, one
 * exported with {@code log show --style ndjson} ({@code mac1.ndjson}), one with
 * {@code --style json} ({@code mac2.json}, a pretty-printed array), and {@code labels.csv}.
 * Each Mac is one boot session, so a process is {@code <bootUUID>/<pid>}.
 *
 * <p>The output is a pure function of the code (no randomness), so
 * {@code MacosSamplesUpToDateTest} can require the committed files to equal a fresh run.
 * Run {@code main} after changing a scenario.
 */
public final class MacosSampleGenerator {

    static final String AN0402 = "AN0402";
    static final String AN1498 = "AN1498";
    static final String AN0761 = "AN0761";
    private static final String NONE = "";

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(-5);
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxx").withZone(LOCAL);

    private static final String COMMON_CRYPTO = "/usr/lib/system/libcommonCrypto.dylib";
    private static final String SECURITY = "/System/Library/Frameworks/Security.framework/Versions/A/Security";
    private static final String BORINGSSL = "/usr/lib/libboringssl.dylib";
    private static final String NETWORK = "/System/Library/Frameworks/Network.framework/Versions/A/Network";
    private static final String COREDATA = "/System/Library/Frameworks/CoreData.framework/Versions/A/CoreData";

    private final ObjectMapper mapper = new ObjectMapper();
    private final LabelsCsv labels = new LabelsCsv();

    private MacosSampleGenerator() {}

    /** Writes the samples into the directory given as the only argument, default {@code samples/macos}. */
    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "samples/macos"));
    }

    /** Generates every scenario and writes the sample files into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        MacosSampleGenerator g = new MacosSampleGenerator();
        Mac mac1 = new Mac("mac-sample-01", "5B2F0C1E-7A41-4E0B-9D55-0C6A3E1F2B77", Instant.parse("2026-03-04T13:00:00Z"));
        Mac mac2 = new Mac("mac-sample-02", "C41D7E09-2B6A-4F3C-8E15-9A0B7D6C5E42", Instant.parse("2026-03-04T13:00:00Z"));
        g.mac1(mac1);
        g.mac2(mac2);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mac1.ndjson"), g.ndjson(mac1), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("mac2.json"), g.jsonArray(mac2), StandardCharsets.UTF_8);
        g.labels.write(dir.resolve("labels.csv"));
    }

    // ---------------------------------------------------------------- scenarios

    private void mac1(Mac m) {
        Instant t = m.at("14:00:00");
        Proc helper = new Proc(m, 812, "/Users/alice/Library/Application Support/.helper/helperd");
        log(helper, t, "", "", COMMON_CRYPTO, "CCCryptorCreate kCCEncrypt kCCAlgorithmRC4 keyLength 16");
        Instant last = beacon(helper, t.plusSeconds(4), "203.0.113.50", 8443, false, 5, Duration.ofSeconds(60));
        label("an0402_rc4_beacon", helper, "203.0.113.50:8443", t, last, true, AN0402,
                "launchd job in a hidden Application Support folder calls CCCryptor with RC4, then beacons every 60 s"
                        + " to a public IP on 8443");

        t = m.at("14:30:00");
        Proc agent = new Proc(m, 1022, "/private/tmp/.agent");
        tlsBeacon(agent, t, "198.51.100.61", 443, 4);
        label("an0761_tls_agent", agent, "198.51.100.61:443", t, t.plusSeconds(4 * 45), true, AN0761,
                "binary in /private/tmp opens TLS connections (boringssl handshakes) to a public IP every 45 s;"
                        + " each handshake precedes the next connection");

        t = m.at("15:00:00");
        Proc doh = new Proc(m, 1130, "/Applications/PrivacyDNS.app/Contents/MacOS/PrivacyDNS");
        log(doh, t, "", "", COMMON_CRYPTO, "CCCrypt kCCDecrypt kCCAlgorithmAES cache");
        tlsBeacon(doh, t.plusSeconds(2), "1.1.1.1", 443, 3);
        connection(doh, t.plusSeconds(200), 9, "dns.google:443", true);
        label("doh_resolver", doh, "1.1.1.1:443", t, t.plusSeconds(200), false, NONE,
                "DNS-over-HTTPS client: AES and TLS use, then sessions to 1.1.1.1 and dns.google only;"
                        + " AN0402 and AN0761 silenced by DoHResolvers");

        t = m.at("15:30:00");
        Proc sync = new Proc(m, 1201, "/Applications/NoteSync.app/Contents/MacOS/NoteSync");
        log(sync, t, "", "", COMMON_CRYPTO, "CCCrypt kCCEncrypt kCCAlgorithmAES note store");
        connection(sync, t.plusSeconds(3), 1, "10.20.30.40:8443", false);
        label("internal_destination", sync, "10.20.30.40:8443", t, t.plusSeconds(3), false, NONE,
                "near miss for AN0402: AES use then a session to an RFC 1918 address (not external)");

        t = m.at("16:00:00");
        Proc secd = new Proc(m, 356, "/System/Library/PrivateFrameworks/ApplePushService.framework/apsd");
        log(secd, t, "com.apple.securityd", "SecCritical", SECURITY, "Failed to talk to secd after 4 attempts.");
        connection(secd, t.plusSeconds(5), 1, "17.57.146.52:5223", true);
        label("keychain_ipc_failure", secd, "17.57.146.52:5223", t, t.plusSeconds(5), false, NONE,
                "near miss: a Security framework entry of no crypto kind (as in the real sample) then a session;"
                        + " no analytic's first step matches");
        background(m, 812);
    }

    private void mac2(Mac m) {
        Instant t = m.at("14:00:00");
        Proc updater = new Proc(m, 905, "/Users/Shared/.updater/updater");
        log(updater, t, "com.apple.security", "keys", SECURITY,
                "SecKeyCreateEncryptedData kSecKeyAlgorithmRSAEncryptionOAEPSHA256 2048-bit key");
        Instant last = beacon(updater, t.plusSeconds(6), "198.51.100.23", 443, true, 3, Duration.ofSeconds(120));
        label("an1498_rsa_then_tls", updater, "198.51.100.23:443", t, last, true, AN1498,
                "hidden updater wraps a key with RSA-OAEP (SecKey), then opens TLS sessions to a public IP every 120 s");

        t = m.at("14:30:00");
        Proc vpn = new Proc(m, 977, "/Applications/CorpVPN.app/Contents/MacOS/CorpVPN");
        log(vpn, t, "com.apple.security", "trust", SECURITY, "SecTrustEvaluateWithError: certificate chain ok");
        connection(vpn, t.plusSeconds(2), 1, "9.9.9.9:443", true);
        connection(vpn, t.plusSeconds(30), 2, "dns.quad9.net:443", true);
        label("trusted_doh_endpoint", vpn, "9.9.9.9:443", t, t.plusSeconds(30), false, NONE,
                "certificate evaluation then sessions to Quad9 DoH (9.9.9.9, dns.quad9.net);"
                        + " AN1498 silenced by TrustedDoHEndpoints");

        t = m.at("15:00:00");
        Proc late = new Proc(m, 1310, "/Users/bob/Downloads/invoice-viewer");
        log(late, t, "com.apple.security", "keys", SECURITY, "SecKeyCreateRandomKey kSecAttrKeyTypeECSECPrimeRandom");
        connection(late, t.plus(Duration.ofMinutes(16)), 1, "198.51.100.88:443", true);
        label("late_connection", late, "198.51.100.88:443", t, t.plus(Duration.ofMinutes(16)), false, NONE,
                "near miss for AN1498: EC key generation, first session 16 minutes later (TimeWindow 15m)");

        t = m.at("15:30:00");
        Proc safari = new Proc(m, 1402, "/Applications/Safari.app/Contents/MacOS/Safari");
        tlsBeacon(safari, t, "93.184.216.34", 443, 2);
        label("approved_browser", safari, "93.184.216.34:443", t, t.plusSeconds(90), false, NONE,
                "Safari TLS then sessions to a public web server: AN0761 silenced by ApprovedProcessPaths");

        t = m.at("16:00:00");
        Proc redacted = new Proc(m, 1515, "/private/var/tmp/x");
        log(redacted, t, "com.apple.network", "boringssl", BORINGSSL,
                "boringssl_context_info_handler(2072) [C1.1.1:2][0x7f8c] Client handshake started");
        log(redacted, t.plusSeconds(20), "com.apple.network", "connection", NETWORK,
                "[C2 IPv4#5cbbb0a8:443 tcp, tls, definite, attribution: developer] start");
        label("redacted_endpoint", redacted, "", t, t.plusSeconds(20), false, NONE,
                "near miss for AN0761: TLS then a session whose endpoint is redacted (private data): no address to judge");
        background(m, 1600);
    }

    /** Connections C1..Cn to one endpoint, {@code every} apart; returns the last one's time. */
    private Instant beacon(Proc p, Instant first, String ip, int port, boolean tls, int count, Duration every) {
        Instant t = first;
        for (int i = 1; i <= count; i++) {
            connection(p, t, i, ip + ":" + port, tls);
            if (i < count) {
                t = t.plus(every);
            }
        }
        return t;
    }

    /** TLS connections 45 s apart, each logged by Network.framework then boringssl's handshake. */
    private void tlsBeacon(Proc p, Instant first, String ip, int port, int count) {
        for (int i = 1; i <= count; i++) {
            Instant t = first.plusSeconds(45L * (i - 1));
            connection(p, t, i, ip + ":" + port, true);
            log(p, t.plusMillis(120), "com.apple.network", "boringssl", BORINGSSL,
                    "boringssl_context_info_handler(2072) [C" + i + ".1.1:2][0x7f8c] Client handshake done");
        }
    }

    /** Network.framework's start and flow messages of connection C{@code id}; both name the endpoint. */
    private void connection(Proc p, Instant t, int id, String endpoint, boolean tls) {
        log(p, t, "com.apple.network", "connection", NETWORK,
                "[C" + id + " " + endpoint + " tcp, " + (tls ? "tls, " : "") + "definite, attribution: developer] start");
        log(p, t.plusMillis(35), "com.apple.network", "connection", NETWORK, "nw_flow_connected [C" + id + ".1.1 "
                + endpoint + " in_progress channel-flow (satisfied (Path is satisfied), interface: en0)]"
                + " Transport protocol connected (tcp)");
    }

    /** CoreData noise, as in the real export, from a process that makes no connections. */
    private void background(Mac m, int seed) {
        Proc news = new Proc(m, seed + 3, "/System/Applications/News.app/Contents/MacOS/News");
        for (int i = 0; i < 6; i++) {
            log(news, m.at("14:10:00").plus(Duration.ofMinutes(20L * i)), "com.apple.coredata", "error", COREDATA,
                    "Failed to load persistent store (" + i + ")");
        }
    }

    // ---------------------------------------------------------------- entries and labels

    private void log(Proc p, Instant t, String subsystem, String category, String sender, String message) {
        ObjectNode n = mapper.createObjectNode();
        n.put("timezoneName", "");
        n.put("messageType", "Default");
        n.put("eventType", "logEvent");
        n.putNull("source");
        n.put("formatString", "%{public}s");
        n.put("userID", 501);
        n.put("activityIdentifier", 0);
        n.put("subsystem", subsystem);
        n.put("category", category);
        n.put("threadID", 10_000L + p.pid);
        n.put("bootUUID", p.mac.boot);
        n.put("processImagePath", p.executable);
        n.put("senderImagePath", sender);
        n.put("timestamp", LOG_TIME.format(t));
        n.put("machTimestamp", Duration.between(p.mac.booted, t).toNanos());
        n.put("eventMessage", message);
        n.put("processID", p.pid);
        n.put("parentActivityIdentifier", 0);
        p.mac.entries.add(n);
    }

    private void label(String scenario, Proc p, String destination, Instant from, Instant to, boolean malicious,
            String expected, String description) {
        labels.addWidened(scenario, p.mac.name, p.mac.boot + "/" + p.pid, destination, from, to, malicious, expected,
                description);
    }

    private String ndjson(Mac m) throws IOException {
        StringBuilder out = new StringBuilder();
        for (ObjectNode n : m.sorted()) {
            out.append(mapper.writeValueAsString(n)).append('\n');
        }
        return out.toString();
    }

    /** {@code log show --style json}: "[{", entries pretty-printed and joined by "},{", then "}]". */
    private String jsonArray(Mac m) throws IOException {
        List<String> entries = new ArrayList<>();
        for (ObjectNode n : m.sorted()) {
            entries.add(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(n));
        }
        return "[" + String.join(",", entries) + "]\n";
    }

    private static final class Mac {
        final String name;
        final String boot;
        final Instant booted;
        final List<ObjectNode> entries = new ArrayList<>();

        Mac(String name, String boot, Instant booted) {
            this.name = name;
            this.boot = boot;
            this.booted = booted;
        }

        /** A time of the sample day, given as local wall-clock time (UTC-5). */
        Instant at(String localTime) {
            return Instant.parse("2026-03-04T" + localTime + "Z").plusSeconds(5 * 3600);
        }

        /** The log is in time order, as {@code log show} writes it. */
        List<ObjectNode> sorted() {
            List<ObjectNode> copy = new ArrayList<>(entries);
            copy.sort((a, b) -> Long.compare(a.get("machTimestamp").asLong(), b.get("machTimestamp").asLong()));
            return copy;
        }
    }

    private record Proc(Mac mac, int pid, String executable) {}
}
