package org.t1573.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes synthetic Sysmon events as flat JSON lines, in the 2022-2023 export variant of the
 * bundled LSASS campaign capture (TimeCreated, {@code @timestamp}, string numbers, no record
 * number; the long Message field is left out, so an event is about 600 bytes), for benchmarks.
 *
 * <p>The events come from simulated processes on 1,000 hosts. A pool of live processes is
 * interleaved, so each file is in time order while one process's events are spread over minutes:
 * process create (1), image loads (7), network connections (3), process access (10), file create
 * (11) and registry set (13, the last three parse to no event), then process terminate (5).
 * About 1.5% of processes are C2-like (an unexpected image loads a symmetric crypto library, then
 * connects out to public addresses), so AN0400 fires now and then; about 9% of events satisfy
 * some pattern step or end a key. Hosts are split over the files, as per-collector files would
 * be, so several source subtasks have work. The output depends only on the options (fixed seed).
 *
 * <p>Usage: {@code SysmonLikeGenerator --events N --out DIR [--files F] [--seed S]}; writes
 * {@code DIR/sysmon-<i>.ndjson} and prints what it wrote.
 */
public final class SysmonLikeGenerator {
    static final int HOSTS = 1_000;
    /** Live processes interleaved at any time: sets how far apart one process's events are. */
    private static final int LIVE_PROCESSES = 4_000;
    /** Mean gap between consecutive events of all hosts: 2M events span about 5.5 hours. */
    private static final int MAX_GAP_MS = 20;
    private static final long START = Instant.parse("2023-08-15T08:00:00Z").toEpochMilli();

    private static final String[] HOST_NAMES = new String[HOSTS];

    static {
        for (int h = 0; h < HOSTS; h++) {
            HOST_NAMES[h] = String.format("WS%04d.corp.example.com", h);
        }
    }

    private static final String PROVIDER_GUID = "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}";

    /** Processes both patterns leave alone even when they load crypto libraries and go out. */
    private static final String[] ALLOWED_IMAGES = {
        "C:\\Windows\\System32\\svchost.exe",
        "C:\\Windows\\System32\\svchost.exe",
        "C:\\Windows\\System32\\svchost.exe",
        "C:\\Windows\\System32\\lsass.exe",
        "C:\\Windows\\System32\\SearchIndexer.exe",
        "C:\\Windows\\System32\\RuntimeBroker.exe",
        "C:\\Windows\\System32\\taskhostw.exe",
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
        "C:\\Program Files\\Mozilla Firefox\\firefox.exe",
    };
    private static final String[] PLAIN_IMAGES = {
        "C:\\Windows\\explorer.exe",
        "C:\\Windows\\System32\\notepad.exe",
        "C:\\Windows\\System32\\cmd.exe",
        "C:\\Windows\\System32\\conhost.exe",
        "C:\\Windows\\System32\\dllhost.exe",
        "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe",
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
        "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
        "C:\\Program Files\\7-Zip\\7zFM.exe",
        "C:\\Windows\\System32\\CompPkgSrv.exe",
        "C:\\Windows\\System32\\backgroundTaskHost.exe",
    };
    private static final String[] C2_IMAGES = {
        "C:\\Users\\Public\\update.exe",
        "C:\\ProgramData\\svc\\svch0st.exe",
        "C:\\Users\\Public\\Downloads\\winx64_payload.exe",
        "C:\\Windows\\Temp\\setup_helper.exe",
    };
    private static final String[] CRYPTO_DLLS = {"bcryptprimitives.dll", "bcrypt.dll", "rsaenh.dll", "cryptsp.dll", "ncrypt.dll"};
    private static final String[] PLAIN_DLLS = {
        "ntdll.dll", "kernel32.dll", "KernelBase.dll", "user32.dll", "advapi32.dll", "msvcrt.dll", "combase.dll",
        "ole32.dll", "shell32.dll", "ws2_32.dll", "crypt32.dll", "wininet.dll", "gdi32.dll", "sechost.dll",
        "rpcrt4.dll", "uxtheme.dll",
    };
    /** First octets of public addresses: none falls into the patterns' InternalNetworks. */
    private static final int[] PUBLIC_FIRST_OCTETS = {13, 20, 23, 34, 40, 52, 104, 142, 151, 185, 203};
    private static final int[] C2_PORTS = {4444, 8081, 7443, 443};

    private enum Role {
        /** Unexpected image: crypto load, then outbound sessions to public addresses (alerts). */
        C2,
        /** Unexpected image that loads crypto libraries but talks only to internal addresses. */
        CRYPTO_LOCAL,
        /** Browser or allowed system process: crypto loads and public connections, no alert. */
        ALLOWED,
        /** Unexpected image without crypto loads; some public connections. */
        PLAIN
    }

    private static final byte CREATE = 1;
    private static final byte CONNECT = 3;
    private static final byte TERMINATE = 5;
    private static final byte LOAD = 7;
    private static final byte CRYPTO_LOAD = -7;
    private static final byte ACCESS = 10;
    private static final byte FILE = 11;
    private static final byte REGISTRY = 13;

    /** One simulated process: its identity and the event ids it still has to emit. */
    private static final class Proc {
        final int host;
        final Role role;
        final String guid;
        final long pid;
        final String image;
        final String user;
        final byte[] script;
        int next;

        Proc(int host, Role role, String guid, long pid, String image, String user, byte[] script) {
            this.host = host;
            this.role = role;
            this.guid = guid;
            this.pid = pid;
            this.image = image;
            this.user = user;
            this.script = script;
        }
    }

    private final SplittableRandom rnd;
    private final StringBuilder line = new StringBuilder(1024);
    private final TreeMap<Integer, Long> perEventId = new TreeMap<>();
    private final long[] perRole = new long[Role.values().length];
    private long processes;
    private long clock = START;
    /** Cache of the formatted second: most consecutive events share it. */
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedUtc;
    private String cachedIso;

    private SysmonLikeGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        long events = 2_000_000;
        Path out = Path.of("target/bench/data");
        int files = 1;
        long seed = 1573;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(value.replace("_", ""));
                case "--out" -> out = Path.of(value);
                case "--files" -> files = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --events N --out DIR --files F --seed S)");
            }
        }
        long t0 = System.nanoTime();
        SysmonLikeGenerator g = new SysmonLikeGenerator(seed);
        List<Path> paths = g.generate(events, out, files);
        long bytes = 0;
        for (Path p : paths) {
            bytes += Files.size(p);
        }
        System.out.printf("generated %,d events, %,d bytes (%.0f B/event) in %d file(s) under %s in %.1f s%n",
                events, bytes, (double) bytes / events, files, out, (System.nanoTime() - t0) / 1e9);
        System.out.printf("  by EventID: %s%n", g.perEventId);
        System.out.printf("  processes: %,d (C2 %d, crypto-local %d, allowed %d, plain %d)%n", g.processes,
                g.perRole[Role.C2.ordinal()], g.perRole[Role.CRYPTO_LOCAL.ordinal()],
                g.perRole[Role.ALLOWED.ordinal()], g.perRole[Role.PLAIN.ordinal()]);
    }

    /** Writes {@code events} lines over {@code files} files, host {@code h} going to file {@code h % files}. */
    List<Path> generate(long events, Path dir, int files) throws IOException {
        Files.createDirectories(dir);
        List<Path> paths = new ArrayList<>();
        Writer[] writers = new Writer[files];
        try {
            for (int f = 0; f < files; f++) {
                Path p = dir.resolve("sysmon-" + f + ".ndjson");
                paths.add(p);
                writers[f] = new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 20);
            }
            Proc[] live = new Proc[LIVE_PROCESSES];
            for (int i = 0; i < live.length; i++) {
                live[i] = newProcess();
            }
            for (long n = 0; n < events; n++) {
                int slot = rnd.nextInt(live.length);
                Proc p = live[slot];
                clock += rnd.nextInt(MAX_GAP_MS + 1);
                byte kind = p.script[p.next++];
                writeEvent(p, kind);
                writers[p.host % files].append(line).append('\n');
                if (p.next == p.script.length) {
                    live[slot] = newProcess();
                }
            }
        } finally {
            for (Writer w : writers) {
                if (w != null) {
                    w.close();
                }
            }
        }
        return paths;
    }

    private Proc newProcess() {
        int host = rnd.nextInt(HOSTS);
        double r = rnd.nextDouble();
        Role role = r < 0.015 ? Role.C2 : r < 0.075 ? Role.CRYPTO_LOCAL : r < 0.425 ? Role.ALLOWED : Role.PLAIN;
        String image = switch (role) {
            case C2 -> pick(C2_IMAGES);
            case ALLOWED -> pick(ALLOWED_IMAGES);
            case CRYPTO_LOCAL, PLAIN -> pick(PLAIN_IMAGES);
        };
        boolean system = image.startsWith("C:\\Windows\\System32\\") && role == Role.ALLOWED;
        String user = system ? "NT AUTHORITY\\SYSTEM" : "CORP\\user" + String.format("%04d", host);
        long id = ++processes;
        perRole[role.ordinal()]++;
        // Sysmon's GUID: machine part, then process start time and a sequence number.
        String guid = String.format("{%08x-%04x-%04x-%04x-000000000800}", 0x81000000L + host,
                (clock / 1000) & 0xffff, (id >>> 16) & 0xffff, id & 0xffff);
        long pid = 4L * (250 + rnd.nextInt(5000));
        return new Proc(host, role, guid, pid, image, user, script(role));
    }

    /** The event ids of one process's life, create first and terminate last (mean 25 events). */
    private byte[] script(Role role) {
        int length = 6 + rnd.nextInt(39);
        byte[] s = new byte[length];
        s[0] = CREATE;
        s[length - 1] = TERMINATE;
        int from = 1;
        if (role == Role.C2) {
            // The beacon's crypto setup comes right after start, so its sessions fall in the window.
            s[from++] = CRYPTO_LOAD;
        }
        double cryptoShare = switch (role) {
            case C2, CRYPTO_LOCAL -> 0.3;
            case ALLOWED -> 0.2;
            case PLAIN -> 0.0;
        };
        double connectShare = role == Role.C2 ? 0.5 : 0.15;
        for (int i = from; i < length - 1; i++) {
            double r = rnd.nextDouble();
            if (r < connectShare) {
                s[i] = CONNECT;
            } else if (r < connectShare + 0.55) {
                s[i] = rnd.nextDouble() < cryptoShare ? CRYPTO_LOAD : LOAD;
            } else {
                double k = rnd.nextDouble();
                s[i] = k < 0.4 ? ACCESS : k < 0.75 ? FILE : REGISTRY;
            }
        }
        return s;
    }

    private void writeEvent(Proc p, byte kind) {
        int eventId = Math.abs(kind);
        perEventId.merge(eventId, 1L, Long::sum);
        long created = clock + rnd.nextInt(300);
        StringBuilder b = line;
        b.setLength(0);
        b.append('{');
        field("SourceName", "Microsoft-Windows-Sysmon");
        field("ProviderGuid", PROVIDER_GUID);
        field("Level", "4");
        field("Keywords", "0x8000000000000000");
        field("Channel", "Microsoft-Windows-Sysmon/Operational");
        field("Hostname", HOST_NAMES[p.host]);
        formatTimes(created);
        field("TimeCreated", cachedIso + millis(created) + "Z");
        field("@timestamp", cachedIso + millis(created) + "Z");
        b.append("\"EventID\":").append(eventId).append(',');
        field("Task", Integer.toString(eventId));
        field("RuleName", "-");
        formatTimes(clock);
        field("UtcTime", cachedUtc + millis(clock));
        field("ProcessGuid", p.guid);
        field("ProcessId", Long.toString(p.pid));
        field("Image", p.image);
        switch (kind) {
            case CREATE -> processCreate(p);
            case CONNECT -> connect(p);
            case LOAD -> imageLoad(pick(PLAIN_DLLS));
            case CRYPTO_LOAD -> imageLoad(pick(CRYPTO_DLLS));
            case ACCESS -> {
                field("TargetImage", "C:\\Windows\\System32\\lsass.exe");
                field("GrantedAccess", "0x1000");
            }
            case FILE -> {
                field("TargetFilename", "C:\\Users\\user\\AppData\\Local\\Temp\\tmp" + rnd.nextInt(100_000) + ".tmp");
            }
            case REGISTRY -> {
                field("EventType", "SetValue");
                field("TargetObject", "HKU\\S-1-5-21-1004\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Item"
                        + rnd.nextInt(50));
            }
            default -> { } // TERMINATE: Sysmon's event 5 has only the common fields
        }
        field("User", p.user);
        b.setLength(b.length() - 1);
        b.append('}');
    }

    private void processCreate(Proc p) {
        field("CommandLine", "\"" + p.image + "\" --instance " + rnd.nextInt(1000));
        field("ParentProcessGuid", String.format("{%08x-0000-0000-0000-000000000800}", 0x81000000L + p.host));
        field("ParentImage", "C:\\Windows\\explorer.exe");
    }

    private void connect(Proc p) {
        boolean outbound = rnd.nextDouble() < 0.9;
        double publicShare = switch (p.role) {
            case C2 -> 0.8;
            case ALLOWED -> 0.5;
            case CRYPTO_LOCAL -> 0.0;
            case PLAIN -> 0.2;
        };
        boolean external = rnd.nextDouble() < publicShare;
        String local = "10." + (p.host / 250) + "." + (p.host % 250) + ".10";
        String remote = external
                ? PUBLIC_FIRST_OCTETS[rnd.nextInt(PUBLIC_FIRST_OCTETS.length)] + "." + rnd.nextInt(256) + "."
                        + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254))
                : (rnd.nextBoolean() ? "10.0.0." : "192.168.1.") + (1 + rnd.nextInt(254));
        int remotePort = p.role == Role.C2 && external ? C2_PORTS[rnd.nextInt(C2_PORTS.length)]
                : external ? (rnd.nextDouble() < 0.9 ? 443 : 80) : (rnd.nextBoolean() ? 445 : 53);
        String ephemeral = Integer.toString(49152 + rnd.nextInt(16000));
        field("Protocol", remotePort == 53 ? "udp" : "tcp");
        field("Initiated", outbound ? "true" : "false");
        field("SourceIp", outbound ? local : remote);
        field("SourcePort", outbound ? ephemeral : Integer.toString(remotePort));
        field("DestinationIp", outbound ? remote : local);
        field("DestinationPort", outbound ? Integer.toString(remotePort) : ephemeral);
    }

    private void imageLoad(String dll) {
        field("ImageLoaded", "C:\\Windows\\System32\\" + dll);
        field("Signed", "true");
        field("SignatureStatus", "Valid");
    }

    /** Appends {@code "key":"value",}; values hold backslashes and quotes but no control characters. */
    private void field(String key, String value) {
        StringBuilder b = line;
        b.append('"').append(key).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append("\",");
    }

    private void formatTimes(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            cachedIso = t.toLocalDate() + "T" + String.format("%02d:%02d:%02d.", t.getHour(), t.getMinute(), t.getSecond());
            cachedUtc = t.toLocalDate() + " " + String.format("%02d:%02d:%02d.", t.getHour(), t.getMinute(), t.getSecond());
        }
    }

    private static String millis(long epochMillis) {
        int ms = (int) Math.floorMod(epochMillis, 1000);
        return ms < 10 ? "00" + ms : ms < 100 ? "0" + ms : Integer.toString(ms);
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
