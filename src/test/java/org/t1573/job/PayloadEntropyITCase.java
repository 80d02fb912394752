package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * Payload entropy from Suricata EVE {@code payload} samples through AN0404 (opaque TCP without a
 * handshake, EntropyThreshold 7.2): every byte value once (8 bits per byte) flags the session;
 * an HTTP request sample (about 4 bits per byte) is observed and clears it.
 */
class PayloadEntropyITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final byte[] EVERY_BYTE = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            EVERY_BYTE[i] = (byte) i;
        }
    }

    @TempDir
    Path dir;

    @Test
    void highEntropyPayloadsRaiseTheOpaqueFlowAlertAndTextPayloadsDoNot() throws IOException {
        byte[] text = "GET /index.html HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        Path eve = dir.resolve("eve.json");
        Files.write(eve, List.of(flow(1, "203.0.113.7", 51001, "10:00:00", EVERY_BYTE),
                flow(2, "203.0.113.7", 51002, "10:01:00", EVERY_BYTE),
                flow(3, "203.0.113.8", 51003, "10:00:30", text)));
        Path out = dir.resolve("out");
        String[] args = {"backtest", "--input", "suricata=" + eve, "--out", out.toString()};
        assertThat(Main.commandLine().execute(args)).isZero();

        List<Alert> an0404 = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            Alert a = AlertJson.read(line);
            if (a.analytic().id().equals("AN0404")) {
                an0404.add(a);
            }
        }
        assertThat(an0404).isNotEmpty().allSatisfy(a -> assertThat(a.destinations().get(0).ip()).isEqualTo("203.0.113.7"));
        Alert last = an0404.get(an0404.size() - 1);
        assertThat(last.aggregates()).containsEntry("entropy.max", 8.0).containsEntry("entropy.high_sessions", 2);
        assertThat(last.notes()).noneMatch(n -> n.contains("entropy not observed"));
    }

    private static String flow(int id, String destination, int sourcePort, String start, byte[] payload) {
        return "{\"timestamp\":\"2023-05-01T" + start + ".000000+0000\",\"flow_id\":" + id + ",\"event_type\":\"flow\","
                + "\"src_ip\":\"10.0.0.5\",\"src_port\":" + sourcePort + ",\"dest_ip\":\"" + destination + "\","
                + "\"dest_port\":4444,\"proto\":\"TCP\",\"app_proto\":\"failed\","
                + "\"payload\":\"" + Base64.getEncoder().encodeToString(payload) + "\","
                + "\"flow\":{\"pkts_toserver\":6,\"pkts_toclient\":5,\"bytes_toserver\":700,\"bytes_toclient\":500,"
                + "\"start\":\"2023-05-01T" + start + ".000000+0000\",\"end\":\"2023-05-01T" + start + ".900000+0000\","
                + "\"state\":\"closed\"}}";
    }
}
