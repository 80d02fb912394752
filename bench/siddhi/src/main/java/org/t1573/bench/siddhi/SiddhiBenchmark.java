package org.t1573.bench.siddhi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.event.Event;
import io.siddhi.core.stream.input.InputHandler;
import io.siddhi.core.stream.output.StreamCallback;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The standalone-CEP peer of the pipeline benchmark: AN0400 (crypto library loaded by an
 * unexpected process, then an outbound session to an external address within 15 minutes, per
 * process) as a Siddhi app, over the same generated Sysmon files. The lines are parsed into
 * simple events before timing, so Siddhi's figure excludes parsing, and the derived values a
 * pattern needs (file names, lower case, "external" from AN0400's InternalNetworks, IPv4 only
 * as the generator writes) are computed there too: both favour Siddhi.
 *
 * <p>Usage: {@code SiddhiBenchmark [--reps 3] --pattern patterns/windows/AN0400.yml FILE...}.
 * Prints one line {@code siddhi-events-per-second=<median>} for bench/run.sh.
 */
public final class SiddhiBenchmark {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** Pre-parsed events: one row of the stream's attributes and its event time. */
    private record Input(List<Object[]> rows, long[] times) {}

    private SiddhiBenchmark() {}

    public static void main(String[] args) throws Exception {
        int reps = 3;
        Path pattern = Path.of("patterns/windows/AN0400.yml");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--pattern" -> pattern = Path.of(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        JsonNode params = new ObjectMapper(new YAMLFactory()).readTree(pattern.toFile()).get("parameters");
        String app = app(values(params, "SymmetricCryptoLibs"), values(params, "AllowedCryptoProcesses"));
        long t0 = System.nanoTime();
        Input input = preParse(files);
        System.out.printf("siddhi: pre-parsed %,d events in %.1f s (not timed below)%n", input.times().length,
                (System.nanoTime() - t0) / 1e9);
        double[] rates = new double[reps];
        for (int i = -1; i < reps; i++) {
            System.gc();
            AtomicLong alerts = new AtomicLong();
            long start = System.nanoTime();
            run(app, input, alerts);
            double s = (System.nanoTime() - start) / 1e9;
            double rate = input.times().length / s;
            System.out.printf("  siddhi AN0400 %s %6.2f s  %,10.0f events/s  (%d alerts)%n",
                    i < 0 ? "warm-up" : "run " + (i + 1) + "  ", s, rate, alerts.get());
            if (i >= 0) {
                rates[i] = rate;
            }
        }
        Arrays.sort(rates);
        System.out.printf("siddhi-events-per-second=%.0f%n", rates[reps / 2]);
    }

    private static List<String> values(JsonNode params, String name) {
        List<String> out = new ArrayList<>();
        params.get(name).get("default").forEach(v -> out.add(normal(v.asText())));
        return out;
    }

    /** Lower case with forward slashes: Siddhi compares strings exactly and its literals have no escapes. */
    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('\\', '/');
    }

    static String app(List<String> cryptoLibs, List<String> allowed) {
        List<String> allowedTests = new ArrayList<>();
        for (String a : allowed) {
            allowedTests.add((a.contains("/") ? "image == '" : "name == '") + a + "'");
        }
        return "@app:name('AN0400') @app:playback "
                + "define stream Events (guid string, eventId int, image string, name string, dll string, "
                + "outbound bool, external bool, dst string); "
                + "partition with (guid of Events) begin "
                + "from every a=Events[eventId == 7 and (" + anyOf("dll", cryptoLibs) + ") and not ("
                + String.join(" or ", allowedTests) + ")] "
                + "-> b=Events[eventId == 3 and outbound == true and external == true] within 15 min "
                + "select a.guid as guid, a.dll as dll, b.dst as dst insert into Alerts; end;";
    }

    private static String anyOf(String attribute, List<String> values) {
        List<String> tests = new ArrayList<>();
        for (String v : values) {
            tests.add(attribute + " == '" + v + "'");
        }
        return String.join(" or ", tests);
    }

    private static void run(String app, Input input, AtomicLong alerts) throws InterruptedException {
        SiddhiManager manager = new SiddhiManager();
        SiddhiAppRuntime runtime = manager.createSiddhiAppRuntime(app);
        runtime.addCallback("Alerts", new StreamCallback() {
            @Override
            public void receive(Event[] events) {
                alerts.addAndGet(events.length);
            }
        });
        runtime.start();
        InputHandler in = runtime.getInputHandler("Events");
        List<Object[]> rows = input.rows();
        long[] times = input.times();
        for (int i = 0; i < times.length; i++) {
            in.send(times[i], rows.get(i));
        }
        runtime.shutdown();
        manager.shutdown();
    }

    /** Reads the needed fields of every line with Jackson's streaming parser. */
    private static Input preParse(List<Path> files) throws IOException {
        JsonFactory json = new JsonFactory();
        List<Object[]> rows = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Object[] row = new Object[8];
                    long time = 0;
                    try (JsonParser p = json.createParser(line)) {
                        p.nextToken();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            switch (field) {
                                case "ProcessGuid" -> row[0] = p.getText();
                                case "EventID" -> row[1] = p.getValueAsInt();
                                case "Image" -> {
                                    row[2] = normal(p.getText());
                                    row[3] = fileName((String) row[2]);
                                }
                                case "ImageLoaded" -> row[4] = fileName(normal(p.getText()));
                                case "Initiated" -> row[5] = "true".equalsIgnoreCase(p.getText());
                                case "DestinationIp" -> {
                                    row[6] = !internal(p.getText());
                                    row[7] = p.getText();
                                }
                                case "UtcTime" -> time = LocalDateTime.parse(p.getText(), UTC_TIME)
                                        .toInstant(ZoneOffset.UTC).toEpochMilli();
                                default -> p.skipChildren();
                            }
                        }
                    }
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            row[i] = i == 1 ? 0 : i == 5 || i == 6 ? Boolean.FALSE : "";
                        }
                    }
                    rows.add(row);
                    times.add(time);
                }
            }
        }
        return new Input(rows, times.stream().mapToLong(Long::longValue).toArray());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** AN0400's default InternalNetworks, IPv4 part. */
    private static boolean internal(String ip) {
        String[] o = ip.split("\\.");
        if (o.length != 4) {
            return false;
        }
        int a = Integer.parseInt(o[0]);
        int b = Integer.parseInt(o[1]);
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168)
                || (a == 169 && b == 254) || (a >= 224 && a < 240) || ip.equals("255.255.255.255");
    }
}
