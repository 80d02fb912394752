package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;
import org.t1573.job.JobRuns;
import org.t1573.job.RunResult;

/**
 * The seed query's summary on hand-checked Defender rows, the window boundary, and the join
 * defect the seed query has and this job does not.
 */
class SeedQueryParityITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    static Path dir;

    private static final String KQL = "SEED-KQL-T1573.001";
    private static Map<String, Alert> finalByProcess;

    @BeforeAll
    static void run() throws Exception {
        List<String> rows = new ArrayList<>();
        // pid 100: one library, five connections one minute apart, 1000 B out and 0.5 MiB in each.
        rows.add(load(100, "bcrypt.dll", "10:00:00"));
        for (int i = 1; i <= 5; i++) {
            rows.add(connection(100, "10:0" + i + ":00", 4444, 1000, 524_288));
        }
        // pid 200: two libraries, two connections. The seed query's join would report 4.
        rows.add(load(200, "bcrypt.dll", "10:00:00"));
        rows.add(load(200, "rsaenh.dll", "10:00:01"));
        rows.add(connection(200, "10:02:00", 5555, 10, 10));
        rows.add(connection(200, "10:03:00", 5555, 10, 10));
        // pid 300: exactly TimeWindow after the load: outside (the window end is exclusive).
        rows.add(load(300, "bcrypt.dll", "11:00:00"));
        rows.add(connection(300, "11:15:00", 6666, 1, 1));
        // pid 400: one millisecond inside the window.
        rows.add(load(400, "bcrypt.dll", "11:00:00"));
        rows.add(connection(400, "11:14:59.999", 6666, 1, 1));
        Files.write(dir.resolve("defender.ndjson"), rows);
        RunResult r = JobRuns.run(List.of(dir), Map.of(), 2);
        finalByProcess = new LinkedHashMap<>();
        for (String json : r.alerts()) {
            Alert a = AlertJson.read(json);
            if (a.analytic().id().equals(KQL)) {
                finalByProcess.put(String.valueOf(a.process().pid()), a);
            }
        }
    }

    @Test
    void reproducesTheSeedSummaryOnAHandCheckedInput() {
        Map<String, Object> s = finalByProcess.get("100").summary();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("CryptoLibsLoaded", List.of("bcrypt.dll"));
        expected.put("RemoteIPs", List.of("8.8.4.4"));
        expected.put("RemotePorts", List.of(4444));
        expected.put("ConnectionCount", 5);
        expected.put("TotalBytesSent", 5000);
        expected.put("TotalBytesReceived", 2_621_440);
        expected.put("FirstConnection", "2026-03-02T10:01:00Z");
        expected.put("LastConnection", "2026-03-02T10:05:00Z");
        expected.put("DataTransferMB", 2.5);
        expected.put("DurationMinutes", 4);
        expected.put("AvgIntervalSeconds", 60.0);
        expected.put("BeaconLikely", true);
        assertThat(s).isEqualTo(expected);
    }

    @Test
    void countsDistinctConnectionsWhereTheSeedJoinMultipliesThem() {
        assertThat(finalByProcess.get("200").summary().get("ConnectionCount")).isEqualTo(2);
        assertThat(finalByProcess.get("200").summary().get("CryptoLibsLoaded"))
                .isEqualTo(List.of("bcrypt.dll", "rsaenh.dll"));
    }

    @Test
    void ignoresAConnectionExactlyTimeWindowAfterTheLoadButNotOneJustInside() {
        assertThat(finalByProcess.keySet()).doesNotContain("300").contains("400");
    }

    private static String load(int pid, String dll, String time) {
        return row(pid, time, Map.of("ActionType", "ImageLoaded", "FileName", dll,
                "FolderPath", "C:\\Windows\\System32\\" + dll));
    }

    private static String connection(int pid, String time, int port, long sent, long received) {
        return row(pid, time, Map.of("ActionType", "ConnectionSuccess", "RemoteIP", "8.8.4.4",
                "RemotePort", port, "RemoteIPType", "Public", "LocalIP", "10.1.1.1", "LocalPort", 50000 + pid,
                "Protocol", "Tcp", "SentBytes", sent, "ReceivedBytes", received));
    }

    private static int reportId;

    private static String row(int pid, String time, Map<String, Object> fields) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Timestamp", "2026-03-02T" + time + (time.contains(".") ? "" : ".000") + "0000Z");
        r.put("DeviceId", "dev1");
        r.put("DeviceName", "parity-host");
        r.put("InitiatingProcessFileName", "tool" + pid + ".exe");
        r.put("InitiatingProcessFolderPath", "C:\\Users\\Public\\tool" + pid + ".exe");
        r.put("InitiatingProcessId", pid);
        r.put("InitiatingProcessCreationTime", "2026-03-02T09:00:00Z");
        r.put("ReportId", ++reportId);
        r.putAll(fields);
        return r.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String
                ? "\"" + ((String) e.getValue()).replace("\\", "\\\\") + "\"" : e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
