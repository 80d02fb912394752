package org.t1573.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Writes labelled Windows sample telemetry for the Windows analytics (AN0400, the seed query,
 * AN1496, AN0759): {@code sysmon.ndjson} (flat Sysmon records, the 2022-2023 OTRF variant),
 * {@code defender.ndjson} (Microsoft Defender Advanced Hunting rows, flat and in streaming-API
 * envelopes), {@code capi2.ndjson} (CAPI2 certificate-chain events 11 and 30, flat and
 * Winlogbeat-shaped) and {@code labels.csv} (one row per labelled process and destination, with
 * the analytics expected to alert).
 *
 * <p>The output is a pure function of the code: a fixed random seed supplies jitter, ports and
 * byte counts, so {@code WindowsSamplesUpToDateTest} can require the committed files to be
 * byte-identical with a fresh run. Run {@code main} after changing a scenario.
 */
public final class WindowsSampleGenerator {

    /** Analytic id of MITRE AN0400 (Windows, crypto library load then outbound session). */
    public static final String AN0400 = "AN0400";
    /** Analytic id of the seed Sentinel/Defender KQL query. */
    public static final String SEED_KQL = "SEED-KQL-T1573.001";
    /** Analytic id of MITRE AN1496 (Windows, asymmetric crypto load then TLS with an abnormal chain). */
    public static final String AN1496 = "AN1496";
    /** Analytic id of MITRE AN0759 (Windows, new process loads the TLS stack then connects out). */
    public static final String AN0759 = "AN0759";

    private static final String BOTH = AN0400 + " " + SEED_KQL;
    private static final String NONE = "";
    private static final long SEED = 1573L;
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final String DOMAIN = "SAMPLECORP";
    private static final String TENANT_ID = "8f3c2a61-5b7e-4d0a-9c1e-2f6b4a7d9e10";

    private static final DateTimeFormatter SYSMON_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_7 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final String SYSTEM32 = "C:\\Windows\\System32\\";
    private static final String SYSTEM = "NT AUTHORITY\\SYSTEM";
    private static final String NETWORK_SERVICE = "NT AUTHORITY\\NETWORK SERVICE";
    private static final String CAPI2_PROVIDER = "Microsoft-Windows-CAPI2";
    private static final String CAPI2_CHANNEL = CAPI2_PROVIDER + "/Operational";
    /** What a WinHTTP/WinINet TLS client loads for its first handshake. */
    private static final List<String> TLS_CLIENT_LIBS = List.of("crypt32.dll", "schannel.dll", "ncryptsslp.dll");

    private final Random random = new Random(SEED);
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<SysmonLine> sysmon = new ArrayList<>();
    private final List<ObjectNode> defender = new ArrayList<>();
    private final List<ObjectNode> capi2 = new ArrayList<>();
    private final LabelsCsv labels = new LabelsCsv();
    private final Map<String, Host> hosts = new LinkedHashMap<>();

    private WindowsSampleGenerator() {}

    /** Writes the samples into the directory given as the only argument, default {@code samples/windows}. */
    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "samples/windows"));
    }

    /** Generates every scenario and writes the three sample files into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        WindowsSampleGenerator g = new WindowsSampleGenerator();
        g.generate();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sysmon.ndjson"), g.ndjson(g.sysmonInFileOrder()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("defender.ndjson"), g.ndjson(g.defender), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("capi2.ndjson"), g.ndjson(g.capi2), StandardCharsets.UTF_8);
        g.labels.write(dir.resolve("labels.csv"));
    }

    private void generate() {
        host("WS-SAMPLE-01", "10.1.0.11", "alice");
        host("WS-SAMPLE-02", "10.1.0.12", "bob");
        host("WS-SAMPLE-03", "10.1.0.13", "carol");
        host("WS-SAMPLE-04", "10.1.0.14", "dave");

        rc4BeaconRundll32(at("08:00:00"));
        oneshotUnexpectedProcess(at("08:30:00"));
        falsePositiveClasses(at("09:00:00"));
        browser(at("10:00:00"));
        systemProcess(at("10:10:00"));
        internalDestination(at("10:20:00"));
        lateConnection(at("10:30:00"));
        outOfOrder(at("11:00:00"));
        pidReuse(at("11:10:00"));
        defenderBeacon(at("12:00:00"));
        defenderEnvelope(at("12:30:00"));
        for (Host h : List.of(hosts.get("WS-SAMPLE-01"), hosts.get("WS-SAMPLE-02"), hosts.get("WS-SAMPLE-03"))) {
            background(h);
        }
        // After the background, so the earlier scenarios keep their random draws and records.
        untrustedRootTls(at("13:00:00"));
        tlsFromUnexpectedProcess(at("13:10:00"));
        browserCertificateError(at("13:20:00"));
        mailClientCertificateError(at("13:30:00"));
        baselineCaChainError(at("13:40:00"));
        validChain(at("13:50:00"));
        lateTlsLoad(at("14:00:00"));
    }

    // ---------------------------------------------------------------- scenarios

    private void rc4BeaconRundll32(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-01");
        String temp = "C:\\Users\\" + h.user + "\\AppData\\Local\\Temp\\";
        Proc p = start(h, 5412, SYSTEM32 + "rundll32.exe",
                "\"C:\\Windows\\System32\\rundll32.exe\" " + temp + "wupd4821.dll,DllRegisterServer",
                h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(180), "bcryptprimitives.dll", "rsaenh.dll");
        Dest c2 = new Dest("203.0.113.50", 4444, "-");
        // Dridex/SMOKEDHAM-style RC4 beacon: every 60 s with +-10 s jitter, for 20 minutes.
        Instant beacon = loaded.plusSeconds(5);
        Instant last = beacon;
        while (beacon.isBefore(loaded.plus(Duration.ofMinutes(20)))) {
            connect(p, beacon, c2);
            last = beacon;
            beacon = beacon.plusMillis(60_000 + between(-10_000, 10_000));
        }
        Instant end = end(p, last.plusSeconds(4));
        label("rc4_beacon_rundll32", p, c2, t0, end, true, BOTH,
                "rundll32 running a DLL from the user's Temp loads bcryptprimitives.dll and rsaenh.dll"
                        + " then beacons every 60 s +-10 s for 20 minutes to a public IP on port 4444");
    }

    private void oneshotUnexpectedProcess(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-02");
        Proc p = start(h, 7324, "C:\\Users\\Public\\svc_update.exe", "C:\\Users\\Public\\svc_update.exe -q",
                h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(240), "bcrypt.dll");
        Dest c2 = new Dest("198.51.100.23", 9001, "-");
        Instant conn = connect(p, loaded.plusSeconds(7), c2);
        Instant end = end(p, conn.plusSeconds(12));
        label("oneshot_unexpected_process", p, c2, t0, end, true, BOTH,
                "unexpected binary in C:\\Users\\Public loads bcrypt.dll then makes a single connection"
                        + " to a public IP on port 9001 (no beaconing)");
    }

    /** The seed query's five documented false-positive classes, one process each; AllowedCryptoProcesses silences AN0400. */
    private void falsePositiveClasses(Instant t0) {
        Host h1 = hosts.get("WS-SAMPLE-01");
        Host h2 = hosts.get("WS-SAMPLE-02");
        Host h3 = hosts.get("WS-SAMPLE-03");
        List<FalsePositive> classes = List.of(
                new FalsePositive("edr_agent", h3, 3180, "C:\\Program Files\\CrowdStrike\\CSFalconService.exe",
                        "\"C:\\Program Files\\CrowdStrike\\CSFalconService.exe\"", SYSTEM, h3.services,
                        List.of("bcryptprimitives.dll", "ncrypt.dll"),
                        new Dest("54.183.102.3", 8883, "ts01-b.cloudsink.net"), "security agent"),
                new FalsePositive("backup_agent", h3, 4536,
                        "C:\\Program Files (x86)\\Veeam\\Backup Transport\\x64\\VeeamAgent.exe",
                        "\"C:\\Program Files (x86)\\Veeam\\Backup Transport\\x64\\VeeamAgent.exe\" -l",
                        SYSTEM, h3.services, List.of("bcrypt.dll", "rsaenh.dll"),
                        new Dest("52.16.90.4", 10005, "-"), "backup agent"),
                new FalsePositive("updater_7443", h2, 8812,
                        "C:\\Program Files (x86)\\Common Files\\Adobe\\ARM\\1.0\\AdobeARM.exe",
                        "\"C:\\Program Files (x86)\\Common Files\\Adobe\\ARM\\1.0\\AdobeARM.exe\"",
                        h2.domainUser(), h2.explorer, List.of("bcrypt.dll"),
                        new Dest("23.45.67.89", 7443, "armmf.adobe.com"), "software updater"),
                new FalsePositive("updater_8444", h1, 9204,
                        "C:\\Users\\alice\\AppData\\Local\\JetBrains\\Toolbox\\bin\\jetbrains-toolbox.exe",
                        "\"C:\\Users\\alice\\AppData\\Local\\JetBrains\\Toolbox\\bin\\jetbrains-toolbox.exe\" --minimize",
                        h1.domainUser(), h1.explorer, List.of("bcrypt.dll", "cryptsp.dll"),
                        new Dest("52.28.11.5", 8444, "download.jetbrains.com"), "software updater"),
                new FalsePositive("vpn_client", h2, 2964,
                        "C:\\Program Files (x86)\\Cisco\\Cisco AnyConnect Secure Mobility Client\\vpnagent.exe",
                        "\"C:\\Program Files (x86)\\Cisco\\Cisco AnyConnect Secure Mobility Client\\vpnagent.exe\"",
                        SYSTEM, h2.services, List.of("ncrypt.dll", "rsaenh.dll"),
                        new Dest("146.112.61.10", 4443, "-"), "VPN client"),
                new FalsePositive("ide_python", h3, 10448,
                        "C:\\Users\\carol\\AppData\\Local\\Programs\\Python\\Python312\\python.exe",
                        "python.exe fetch_wheels.py --index https://pypi.example.org:8888/simple",
                        h3.domainUser(), h3.explorer, List.of("bcryptprimitives.dll"),
                        new Dest("151.101.0.223", 8888, "-"), "developer runtime"));
        Instant t = t0;
        for (FalsePositive fp : classes) {
            Proc p = start(fp.host, fp.pid, fp.image, fp.commandLine, fp.user, fp.parent, t);
            Instant conn = connect(p, loads(p, t.plusMillis(300), fp.dlls).plusSeconds(3), fp.dest);
            Instant end = end(p, conn.plusSeconds(30));
            label(fp.scenario, p, fp.dest, t, end, false, SEED_KQL,
                    "seed-documented false positive (" + fp.kind + "): crypto load then public IP on non-standard port "
                            + fp.dest.port + "; the seed query alerts; AN0400 silenced by AllowedCryptoProcesses ("
                            + fileName(fp.image) + ")");
            t = t.plus(Duration.ofMinutes(10));
        }
    }

    private void browser(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-01");
        Proc p = start(h, 11872, "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
                "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"", h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(150), "bcryptprimitives.dll", "crypt32.dll");
        Dest https = new Dest("142.250.74.46", 443, "fra24s06-in-f14.1e100.net");
        Dest alt = new Dest("142.250.74.46", 8443, "fra24s06-in-f14.1e100.net");
        Instant c1 = connect(p, loaded.plusSeconds(2), https);
        Instant c2 = connect(p, c1.plusSeconds(40), alt);
        Instant end = end(p, c2.plusSeconds(300));
        String why = "browser: seed silenced by ExcludedBrowsers (chrome.exe) and StandardPorts (%d);"
                + " AN0400 silenced by AllowedCryptoProcesses (chrome.exe)";
        label("browser", p, https, t0, end, false, NONE, String.format(why, 443));
        label("browser", p, alt, t0, end, false, NONE, String.format(why, 8443));
    }

    private void systemProcess(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-02");
        Proc p = start(h, 1376, SYSTEM32 + "svchost.exe", "C:\\Windows\\System32\\svchost.exe -k NetworkService -p -s DoSvc",
                NETWORK_SERVICE, h.services, t0);
        Dest peer = new Dest("13.107.4.50", 7680, "-");
        Instant conn = connect(p, loads(p, t0.plusMillis(200), "bcrypt.dll").plusSeconds(20), peer);
        Instant end = end(p, conn.plusSeconds(120));
        label("system_process", p, peer, t0, end, false, NONE,
                "Delivery Optimization svchost to a public peer on 7680: seed silenced by ExcludedSystemProcs"
                        + " (svchost.exe); AN0400 silenced by AllowedCryptoProcesses (svchost.exe)");
    }

    private void internalDestination(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-03");
        Proc p = start(h, 6020, "C:\\Tools\\syncer.exe", "C:\\Tools\\syncer.exe --target fileserver",
                h.domainUser(), h.explorer, t0);
        Dest internal = new Dest("10.20.30.40", 4444, "fs01.samplecorp.local");
        Instant conn = connect(p, loads(p, t0.plusMillis(120), "rsaenh.dll").plusSeconds(4), internal);
        Instant end = end(p, conn.plusSeconds(60));
        label("internal_destination", p, internal, t0, end, false, NONE,
                "crypto load then connection to RFC1918 10.20.30.40: seed silenced by RemoteIPType == Public;"
                        + " AN0400 silenced by its external-destination condition (private ranges are internal)");
    }

    private void lateConnection(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-01");
        Proc p = start(h, 7740, "C:\\Users\\Public\\late.exe", "C:\\Users\\Public\\late.exe", h.domainUser(),
                h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(90), "bcrypt.dll");
        Dest d = new Dest("198.51.100.77", 9443, "-");
        Instant conn = connect(p, loaded.plus(Duration.ofMinutes(16)), d);
        Instant end = end(p, conn.plusSeconds(10));
        label("late_connection", p, d, t0, end, false, NONE,
                "first outbound connection 16 minutes after the bcrypt.dll load: AN0400 silenced by TimeWindow"
                        + " (15m); seed silenced by its fixed 15m join window");
    }

    private void outOfOrder(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-02");
        Proc p = start(h, 8156, "C:\\Users\\Public\\ooo.exe", "C:\\Users\\Public\\ooo.exe", h.domainUser(),
                h.explorer, t0);
        Instant loadedAt = t0.plusMillis(260);
        SysmonLine load = imageLoad(p, loadedAt, "rsaenh.dll");
        Dest d = new Dest("198.51.100.99", 5555, "-");
        Instant conn = connect(p, loadedAt.plusSeconds(3), d);
        // The load record reaches the collector late: written after the connection, its times unchanged.
        load.delivered = conn.plusMillis(1);
        Instant end = end(p, conn.plusSeconds(20));
        label("out_of_order", p, d, t0, end, true, BOTH,
                "rsaenh.dll load 3 s before a connection to 198.51.100.99:5555 but written after it in the file;"
                        + " event-time ordering must still correlate them");
    }

    private void pidReuse(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-03");
        Proc a = start(h, 6666, "C:\\Users\\Public\\prep.exe", "C:\\Users\\Public\\prep.exe", h.domainUser(),
                h.explorer, t0);
        loads(a, t0.plusMillis(300), "bcrypt.dll");
        Instant endA = end(a, t0.plusSeconds(5));
        Instant startB = endA.plusSeconds(10);
        Proc b = start(h, 6666, "C:\\Users\\Public\\fetch.exe", "C:\\Users\\Public\\fetch.exe", h.domainUser(),
                h.explorer, startB);
        Dest d = new Dest("198.51.100.66", 7777, "-");
        Instant endB = end(b, connect(b, startB.plusSeconds(2), d).plusSeconds(5));
        String why = "pid 6666 reused: A loads bcrypt.dll and exits, 10 s later B (no crypto load) connects to"
                + " 198.51.100.66:7777; no parameter involved, process identity (ProcessGuid) keeps them apart"
                + " where the seed's DeviceName+ProcessId join would not";
        label("pid_reuse", a, null, t0, endA, false, NONE, why);
        label("pid_reuse", b, d, startB, endB, false, NONE, why);
    }

    private void defenderBeacon(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-04");
        Proc p = defenderProcess(h, 4120, "C:\\ProgramData\\msupd.exe", "\"C:\\ProgramData\\msupd.exe\" /svc", t0);
        Instant t = t0.plusMillis(400);
        defender.add(imageLoadRow(p, t, "bcrypt.dll"));
        t = t.plusMillis(between(20, 200));
        defender.add(imageLoadRow(p, t, "ncrypt.dll"));
        Dest c2 = new Dest("203.0.113.80", 8081, "");
        ObjectNode last = null;
        for (int i = 0; i < 6; i++) {
            t = t.plusMillis(i == 0 ? 6_000 : 120_000 + between(-5_000, 5_000));
            last = connectionRow(p, t, c2);
            defender.add(last);
        }
        label("defender_beacon", p, c2, t0, timestamp(last), true, BOTH,
                "Defender flat rows: msupd.exe loads bcrypt.dll and ncrypt.dll then 6 connections every ~120 s"
                        + " to a public IP on port 8081");
    }

    private void defenderEnvelope(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-04");
        Proc p = defenderProcess(h, 5120, "C:\\Users\\Public\\agent.exe", "C:\\Users\\Public\\agent.exe", t0);
        Instant loaded = t0.plusMillis(350);
        defender.add(envelope("AdvancedHunting-DeviceImageLoadEvents", imageLoadRow(p, loaded, "cryptsp.dll")));
        Dest c2 = new Dest("198.51.100.200", 6001, "");
        ObjectNode conn = connectionRow(p, loaded.plusSeconds(9), c2);
        defender.add(envelope("AdvancedHunting-DeviceNetworkEvents", conn));
        label("defender_envelope", p, c2, t0, timestamp(conn), true, BOTH,
                "Defender streaming-API envelopes: agent.exe loads cryptsp.dll then one connection to a public IP"
                        + " on port 6001");
    }

    /** Benign noise so the samples are not only signal: notepad sessions and the DNS client. */
    private void background(Host h) {
        for (int i = 0; i < 3; i++) {
            Instant t0 = at("08:10:00").plus(Duration.ofMinutes(75L * i)).plusSeconds(between(0, 600));
            Proc notepad = start(h, 12_000 + 4 * between(0, 500), SYSTEM32 + "notepad.exe",
                    "\"C:\\Windows\\System32\\notepad.exe\" C:\\Users\\" + h.user + "\\Documents\\notes" + i + ".txt",
                    h.domainUser(), h.explorer, t0);
            loads(notepad, t0.plusMillis(40), "kernel32.dll", "uxtheme.dll", "comctl32.dll");
            Instant end = end(notepad, t0.plusSeconds(between(60, 900)));
            label("background", notepad, null, t0, end, false, NONE, "benign noise: notepad session");
        }
        Dest dns = new Dest("10.0.0.1", 53, "-");
        Instant first = at("08:05:00").plusSeconds(between(0, 60));
        Instant last = first;
        for (Instant q = first; q.isBefore(at("12:00:00")); q = q.plusSeconds(1_800 + between(-120, 120))) {
            last = connect(h.dnsClient, q, dns, "udp");
        }
        label("background", h.dnsClient, dns, first, last, false, NONE, "benign noise: DNS client to internal resolver");
    }

    // ---------------------------------------------------------------- T1573.002 / T1573 scenarios

    private void untrustedRootTls(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-03");
        Proc p = start(h, 9132, "C:\\Users\\carol\\AppData\\Roaming\\Updater\\updsvc.exe",
                "\"C:\\Users\\carol\\AppData\\Roaming\\Updater\\updsvc.exe\" /silent", h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(210), TLS_CLIENT_LIBS);
        Dest c2 = new Dest("203.0.113.77", 443, "-");
        Instant conn = connect(p, loaded.plusSeconds(1), c2);
        String subject = "CN=rempel.group.net";
        chainBuild(p, conn.plusMillis(160), subject, subject, "10020");
        Instant verified = policyCheck(p, conn.plusMillis(175), subject, "203.0.113.77", "800B0109");
        Instant end = end(p, verified.plusSeconds(40));
        label("untrusted_root_tls", p, c2, t0, end, true, AN0759 + " " + AN1496,
                "updsvc.exe from the user's Roaming folder loads crypt32/schannel/ncryptsslp then TLS to a public IP"
                        + " on 443; CAPI2 11 (untrusted root + partial chain) and 30 (CERT_E_UNTRUSTEDROOT) for the"
                        + " Metasploit-style self-signed certificate: AN1496; its new-process TLS session: AN0759");
    }

    private void tlsFromUnexpectedProcess(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-01");
        Proc p = start(h, 6408, SYSTEM32 + "WerFault.exe", "C:\\Windows\\System32\\WerFault.exe -u -p 4120 -s 312",
                h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusSeconds(3), "schannel.dll", "ncryptsslp.dll");
        Dest c2 = new Dest("198.51.100.140", 443, "cdn-update.example.net");
        Instant last = loaded;
        for (int i = 0; i < 3; i++) {
            last = connect(p, last.plusSeconds(i == 0 ? 2 : 90 + between(-5, 5)), c2);
        }
        Instant end = end(p, last.plusSeconds(10));
        label("tls_from_unexpected_process", p, c2, t0, end, true, AN0759,
                "WerFault.exe (normally no connections of its own) loads schannel.dll and ncryptsslp.dll 3 s after"
                        + " starting, then TLS to a public IP on 443 three times; chain valid so AN1496 silent;"
                        + " no symmetric-library load so AN0400 silent");
    }

    private void browserCertificateError(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-02");
        Proc p = start(h, 10204, "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
                "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\"", h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(400), TLS_CLIENT_LIBS);
        Dest site = new Dest("192.0.2.45", 443, "printer-portal.example.org");
        Instant conn = connect(p, loaded.plusSeconds(2), site);
        chainBuild(p, conn.plusMillis(120), "CN=printer-portal.example.org", "CN=printer-portal.example.org", "20");
        Instant end = end(p, conn.plusSeconds(200));
        label("browser_certificate_error", p, site, t0, end, false, NONE,
                "seed false-positive class (browser): Edge opens a site with a self-signed certificate (CAPI2 11"
                        + " untrusted root); AN1496 silenced by AllowedCryptoProcesses and AN0759 by"
                        + " AllowedEncryptedProcesses (msedge.exe)");
    }

    private void mailClientCertificateError(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-01");
        Proc p = start(h, 7012, "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
                "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\"", h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusSeconds(2), TLS_CLIENT_LIBS);
        Dest imap = new Dest("192.0.2.110", 993, "imap.mailhost.example");
        Instant conn = connect(p, loaded.plusSeconds(1), imap);
        winlogbeatPolicyCheck(p, conn.plusMillis(140), "CN=mail.mailhost.example", "imap.mailhost.example", "800B010F");
        Instant end = end(p, conn.plusSeconds(500));
        label("mail_client_certificate_error", p, imap, t0, end, false, NONE,
                "seed false-positive class (mail client): Outlook to IMAPS whose certificate names another host"
                        + " (CAPI2 30 CERT_E_CN_NO_MATCH, Winlogbeat shape); AN1496 silenced by AllowedCryptoProcesses"
                        + " and AN0759 by AllowedEncryptedProcesses (OUTLOOK.EXE)");
    }

    private void baselineCaChainError(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-02");
        Proc p = start(h, 5740, "C:\\Tools\\inventory\\invagent.exe", "C:\\Tools\\inventory\\invagent.exe --upload",
                h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(300), "crypt32.dll");
        Dest api = new Dest("198.51.100.30", 443, "inventory.example.com");
        Instant conn = connect(p, loaded.plusSeconds(1), api);
        chainBuild(p, conn.plusMillis(130), "CN=inventory.example.com", "CN=Zscaler Root CA, O=Zscaler Inc.", "20");
        Instant end = end(p, conn.plusSeconds(15));
        label("baseline_ca_chain_error", p, api, t0, end, false, NONE,
                "near miss (AN1496): crypt32.dll load then a public TLS session whose untrusted-root chain is issued"
                        + " by the TLS-inspection proxy CA, silenced by CertificateAuthorityList (CN=Zscaler Root CA)");
    }

    private void validChain(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-03");
        Proc p = start(h, 4472, "C:\\Tools\\sync\\reportsync.exe", "C:\\Tools\\sync\\reportsync.exe",
                h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plusMillis(260), "crypt32.dll");
        Dest api = new Dest("198.51.100.31", 443, "reports.example.com");
        Instant conn = connect(p, loaded.plusSeconds(1), api);
        chainBuild(p, conn.plusMillis(110), "CN=reports.example.com", "CN=Example Issuing CA", "0");
        Instant end = end(p, conn.plusSeconds(20));
        label("valid_chain", p, api, t0, end, false, NONE,
                "near miss (AN1496): crypt32.dll load and a public TLS session from a tool, but the chain builds"
                        + " without errors (CAPI2 11 ErrorStatus 0)");
    }

    private void lateTlsLoad(Instant t0) {
        Host h = hosts.get("WS-SAMPLE-01");
        Proc p = start(h, 8836, "C:\\Tools\\report\\reportgen.exe", "C:\\Tools\\report\\reportgen.exe --mail",
                h.domainUser(), h.explorer, t0);
        Instant loaded = loads(p, t0.plus(Duration.ofMinutes(16)), "schannel.dll", "ncryptsslp.dll");
        Dest smtp = new Dest("198.51.100.25", 465, "smtp.example.com");
        Instant conn = connect(p, loaded.plusSeconds(1), smtp);
        Instant end = end(p, conn.plusSeconds(5));
        label("late_tls_load", p, smtp, t0, end, false, NONE,
                "near miss (AN0759): the TLS stack loads 16 minutes after process creation, outside TimeWindow (15m)");
    }

    // ---------------------------------------------------------------- CAPI2 records

    /** Flat CAPI2 record with the envelope of the flat Sysmon export; the caller adds the UserData fields. */
    private ObjectNode capi2(Proc p, int eventId, Instant t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("SourceName", CAPI2_PROVIDER);
        n.put("ProviderGuid", "{5bbca4a8-b209-48dc-a8c7-b23d3e5216fb}");
        n.put("Level", "4");
        n.put("Channel", CAPI2_CHANNEL);
        n.put("Hostname", p.host.name);
        n.put("TimeCreated", ISO_MILLIS.format(t));
        n.put("@timestamp", ISO_MILLIS.format(t.plusMillis(between(100, 900))));
        n.put("EventID", eventId);
        n.put("RecordNumber", String.valueOf(++p.host.capi2Records));
        n.put("ProcessID", String.valueOf(p.pid));
        n.put("ProcessName", fileName(p.image));
        capi2.add(n);
        return n;
    }

    /** CAPI2 11: a chain built for {@code subject}, ErrorStatus in hex as the event writes it. */
    private void chainBuild(Proc p, Instant t, String subject, String issuer, String errorStatus) {
        ObjectNode n = capi2(p, 11, t);
        n.put("Task", "Build Chain");
        n.put("subjectName", subject);
        n.put("issuerName", issuer);
        n.put("ErrorStatus", errorStatus);
    }

    /** CAPI2 30: the SSL policy check of a chain, Result in hex. */
    private Instant policyCheck(Proc p, Instant t, String subject, String serverName, String result) {
        ObjectNode n = capi2(p, 30, t);
        n.put("Task", "Verify Chain Policy");
        n.put("subjectName", subject);
        n.put("serverName", serverName);
        n.put("Result", result);
        return t;
    }

    /** CAPI2 30 as Winlogbeat ships it: UserData under winlog.user_data, the pid in winlog.process. */
    private void winlogbeatPolicyCheck(Proc p, Instant t, String subject, String serverName, String result) {
        ObjectNode n = mapper.createObjectNode();
        n.put("@timestamp", ISO_MILLIS.format(t));
        ObjectNode event = n.putObject("event");
        event.put("code", "30");
        event.put("provider", CAPI2_PROVIDER);
        event.put("created", ISO_MILLIS.format(t.plusMillis(between(100, 900))));
        n.putObject("host").put("name", p.host.name);
        ObjectNode winlog = n.putObject("winlog");
        winlog.put("channel", CAPI2_CHANNEL);
        winlog.put("provider_name", CAPI2_PROVIDER);
        winlog.put("event_id", "30");
        winlog.put("record_id", ++p.host.capi2Records);
        winlog.put("computer_name", p.host.name);
        winlog.putObject("process").put("pid", p.pid);
        ObjectNode data = winlog.putObject("user_data");
        data.put("ProcessName", fileName(p.image));
        data.put("subjectName", subject);
        data.put("serverName", serverName);
        data.put("Result", result);
        capi2.add(n);
    }

    // ---------------------------------------------------------------- Sysmon records

    /** One Sysmon record with the fields every event type carries; the caller appends the rest. */
    private SysmonLine sysmon(Proc p, int eventId, Instant utc) {
        ObjectNode n = mapper.createObjectNode();
        n.put("SourceName", "Microsoft-Windows-Sysmon");
        n.put("ProviderGuid", "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}");
        n.put("Level", "4");
        n.put("Keywords", "0x8000000000000000");
        n.put("Channel", "Microsoft-Windows-Sysmon/Operational");
        n.put("Hostname", p.host.name);
        // Log-order fields: filled by sysmonInFileOrder once all records of the host are known.
        n.putNull("TimeCreated");
        n.putNull("@timestamp");
        n.put("EventID", eventId);
        n.putNull("RecordNumber");
        n.put("Task", String.valueOf(eventId));
        n.put("RuleName", "-");
        n.put("UtcTime", SYSMON_UTC.format(utc));
        n.put("ProcessGuid", p.guid);
        n.put("ProcessId", String.valueOf(p.pid));
        n.put("Image", p.image);
        n.put("User", p.user);
        SysmonLine line = new SysmonLine(p.host, utc, n);
        sysmon.add(line);
        return line;
    }

    /** Sysmon EID 1; returns the new process. */
    private Proc start(Host h, int pid, String image, String commandLine, String user, Proc parent, Instant t) {
        Proc p = new Proc(h, h.nextGuid(t), pid, image, commandLine, user, parent, t);
        ObjectNode n = sysmon(p, 1, t).node;
        n.put("CommandLine", commandLine);
        n.put("CurrentDirectory", image.substring(0, image.lastIndexOf('\\') + 1));
        n.put("IntegrityLevel", user.startsWith("NT AUTHORITY") ? "System" : "Medium");
        n.put("Hashes", "SHA256=" + sha256(image).toUpperCase());
        n.put("ParentProcessGuid", parent.guid);
        n.put("ParentProcessId", String.valueOf(parent.pid));
        n.put("ParentImage", parent.image);
        n.put("ParentCommandLine", parent.commandLine);
        return p;
    }

    /** Sysmon EID 7 for a System32 DLL. */
    private SysmonLine imageLoad(Proc p, Instant t, String dll) {
        SysmonLine line = sysmon(p, 7, t);
        ObjectNode n = line.node;
        n.put("ImageLoaded", SYSTEM32 + dll);
        n.put("OriginalFileName", dll.toUpperCase());
        n.put("Hashes", "SHA256=" + sha256(SYSTEM32 + dll).toUpperCase());
        n.put("Signed", "true");
        n.put("Signature", "Microsoft Windows");
        n.put("SignatureStatus", "Valid");
        return line;
    }

    /** Loads the DLLs a few milliseconds apart from {@code t}; returns the time of the last load. */
    private Instant loads(Proc p, Instant t, String... dlls) {
        return loads(p, t, List.of(dlls));
    }

    private Instant loads(Proc p, Instant t, List<String> dlls) {
        Instant at = t;
        for (int i = 0; i < dlls.size(); i++) {
            if (i > 0) {
                at = at.plusMillis(between(5, 80));
            }
            imageLoad(p, at, dlls.get(i));
        }
        return at;
    }

    /** Sysmon EID 3 over TCP; returns its time. */
    private Instant connect(Proc p, Instant t, Dest d) {
        return connect(p, t, d, "tcp");
    }

    private Instant connect(Proc p, Instant t, Dest d, String protocol) {
        ObjectNode n = sysmon(p, 3, t).node;
        n.put("Protocol", protocol);
        n.put("Initiated", "true");
        n.put("SourceIsIpv6", "false");
        n.put("SourceIp", p.host.ip);
        n.put("SourceHostname", "-");
        n.put("SourcePort", String.valueOf(ephemeralPort()));
        n.put("SourcePortName", "-");
        n.put("DestinationIsIpv6", "false");
        n.put("DestinationIp", d.ip);
        n.put("DestinationHostname", d.hostname);
        n.put("DestinationPort", String.valueOf(d.port));
        n.put("DestinationPortName", "-");
        return t;
    }

    /** Sysmon EID 5; returns its time. */
    private Instant end(Proc p, Instant t) {
        sysmon(p, 5, t);
        return t;
    }

    /**
     * Orders records as the collector wrote them. RecordNumber and TimeCreated follow each host's
     * log order (UtcTime), TimeCreated a little after UtcTime and never going back; the file
     * order is delivery order, which differs from log order only where a scenario delays a record.
     */
    private List<ObjectNode> sysmonInFileOrder() {
        List<SysmonLine> byUtc = new ArrayList<>(sysmon);
        byUtc.sort(Comparator.comparing(l -> l.utc));
        Map<Host, Instant> lastLogged = new LinkedHashMap<>();
        for (SysmonLine l : byUtc) {
            Instant logged = l.utc.plusMillis(between(50, 300));
            Instant previous = lastLogged.get(l.host);
            if (previous != null && !logged.isAfter(previous)) {
                logged = previous.plusMillis(1);
            }
            lastLogged.put(l.host, logged);
            l.node.put("TimeCreated", ISO_MILLIS.format(logged));
            l.node.put("@timestamp", ISO_MILLIS.format(logged));
            l.node.put("RecordNumber", String.valueOf(++l.host.records));
        }
        byUtc.sort(Comparator.comparing(l -> l.delivered));
        return byUtc.stream().map(l -> l.node).toList();
    }

    // ---------------------------------------------------------------- Defender rows

    /** A Defender-observed process; Defender identifies it by pid and creation time, so no GUID. */
    private Proc defenderProcess(Host h, int pid, String image, String commandLine, Instant created) {
        return new Proc(h, null, pid, image, commandLine, h.domainUser(), h.explorer, subMillis(created));
    }

    /** One Advanced Hunting row: common columns, the table's own columns, then the initiating process. */
    private ObjectNode defenderRow(Proc p, Instant t, String actionType, Consumer<ObjectNode> tableColumns) {
        ObjectNode n = mapper.createObjectNode();
        n.put("Timestamp", ISO_7.format(subMillis(t)));
        n.put("DeviceId", sha256(p.host.name).substring(0, 40));
        n.put("DeviceName", p.host.name);
        n.put("ActionType", actionType);
        tableColumns.accept(n);
        String[] account = p.user.split("\\\\", 2);
        n.put("InitiatingProcessFileName", fileName(p.image));
        n.put("InitiatingProcessFolderPath", p.image);
        n.put("InitiatingProcessId", p.pid);
        n.put("InitiatingProcessCommandLine", p.commandLine);
        n.put("InitiatingProcessCreationTime", ISO_7.format(p.start));
        n.put("InitiatingProcessAccountDomain", account[0].toLowerCase());
        n.put("InitiatingProcessAccountName", account[1]);
        n.put("InitiatingProcessSHA256", sha256(p.image));
        n.put("InitiatingProcessParentFileName", fileName(p.parent.image));
        n.put("InitiatingProcessParentId", p.parent.pid);
        n.put("ReportId", ++p.host.records);
        return n;
    }

    private ObjectNode imageLoadRow(Proc p, Instant t, String dll) {
        return defenderRow(p, t, "ImageLoaded", n -> {
            n.put("FileName", dll);
            n.put("FolderPath", SYSTEM32 + dll);
            n.put("SHA256", sha256(SYSTEM32 + dll));
        });
    }

    private ObjectNode connectionRow(Proc p, Instant t, Dest d) {
        return defenderRow(p, t, "ConnectionSuccess", n -> {
            n.put("RemoteIP", d.ip);
            n.put("RemotePort", d.port);
            n.put("RemoteUrl", d.hostname);
            n.put("RemoteIPType", "Public");
            n.put("LocalIP", p.host.ip);
            n.put("LocalPort", ephemeralPort());
            n.put("Protocol", "Tcp");
            n.put("SentBytes", between(280, 900));
            n.put("ReceivedBytes", between(180, 4_000));
        });
    }

    /** The row's own time, which carries the sub-millisecond ticks added by {@link #defenderRow}. */
    private static Instant timestamp(ObjectNode row) {
        return Instant.parse(row.get("Timestamp").asText());
    }

    /** Wraps a row as the Defender streaming API (Event Hubs / Storage) delivers it. */
    private ObjectNode envelope(String category, ObjectNode row) {
        ObjectNode n = mapper.createObjectNode();
        n.put("time", row.get("Timestamp").asText());
        n.put("tenantId", TENANT_ID);
        n.put("operationName", "Publish");
        n.put("category", category);
        n.set("properties", row);
        return n;
    }

    // ---------------------------------------------------------------- labels and helpers

    private void label(String scenario, Proc p, Dest d, Instant from, Instant to, boolean malicious,
            String expected, String description) {
        String process = p.guid != null ? p.guid : p.pid + "@" + ISO_7.format(p.start);
        String destination = d == null ? "" : d.ip + ":" + d.port;
        labels.addWidened(scenario, p.host.name, process, destination, from, to, malicious, expected, description);
    }

    private void host(String name, String ip, String user) {
        Host h = new Host(name, ip, user);
        Instant boot = at("06:58:10").plusSeconds(between(0, 600));
        // Long-running processes started before the sample window: parents and the DNS client, no EID 1.
        h.services = new Proc(h, h.nextGuid(boot), 688 + 4 * between(0, 8), SYSTEM32 + "services.exe",
                SYSTEM32 + "services.exe", SYSTEM, null, boot);
        h.dnsClient = new Proc(h, h.nextGuid(boot.plusSeconds(2)), 1200 + 4 * between(0, 40), SYSTEM32 + "svchost.exe",
                SYSTEM32 + "svchost.exe -k NetworkService -p -s Dnscache", NETWORK_SERVICE, h.services, boot);
        h.explorer = new Proc(h, h.nextGuid(boot.plusSeconds(40)), 2000 + 4 * between(0, 100), "C:\\Windows\\explorer.exe",
                "C:\\Windows\\Explorer.EXE", h.domainUser(), null, boot.plusSeconds(40));
        hosts.put(name, h);
    }

    private String ndjson(List<ObjectNode> nodes) throws IOException {
        StringBuilder out = new StringBuilder();
        for (ObjectNode n : nodes) {
            out.append(mapper.writeValueAsString(n)).append('\n');
        }
        return out.toString();
    }

    private static Instant at(String time) {
        return Instant.parse(DAY.toString().substring(0, 11) + time + "Z");
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private int ephemeralPort() {
        return between(49_152, 65_535);
    }

    /** Defender timestamps carry 100 ns ticks, Sysmon only milliseconds. */
    private Instant subMillis(Instant t) {
        return t.plusNanos(100L * between(0, 9_999));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('\\') + 1);
    }

    /** A stable stand-in hash: the SHA-256 of the path, so a binary keeps one hash everywhere. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static final class Host {
        final String name;
        final String ip;
        final String user;
        /** Counts Sysmon RecordNumbers or Defender ReportIds; a host is observed by only one of them. */
        long records = 41_000;
        /** The CAPI2 log's own record numbers. */
        long capi2Records = 7_300;
        int processes;
        Proc services;
        Proc dnsClient;
        Proc explorer;

        Host(String name, String ip, String user) {
            this.name = name;
            this.ip = ip;
            this.user = user;
        }

        String domainUser() {
            return DOMAIN + "\\" + user;
        }

        /** Sysmon-like GUID: machine part from the host, then creation seconds and a per-host sequence. */
        String nextGuid(Instant created) {
            long seconds = created.getEpochSecond();
            return String.format("{%s-%04x-%04x-%04x-000000000700}", sha256(name).substring(0, 8),
                    seconds & 0xffff, (seconds >>> 16) & 0xffff, 0x100 + ++processes);
        }
    }

    private record Proc(Host host, String guid, int pid, String image, String commandLine, String user,
            Proc parent, Instant start) {}

    private record Dest(String ip, int port, String hostname) {}

    private record FalsePositive(String scenario, Host host, int pid, String image, String commandLine,
            String user, Proc parent, List<String> dlls, Dest dest, String kind) {}

    /** A Sysmon record with its log time and the time it reached the file (normally the same). */
    private static final class SysmonLine {
        final Host host;
        final Instant utc;
        final ObjectNode node;
        Instant delivered;

        SysmonLine(Host host, Instant utc, ObjectNode node) {
            this.host = host;
            this.utc = utc;
            this.node = node;
            this.delivered = utc;
        }
    }
}
