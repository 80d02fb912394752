package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * The LSASS campaign 01 pair: Sysmon of MKT01 and the Zeek capture of the same hour. Sysmon's
 * EID 3 UtcTime is 134.24 h behind (INDEX.md); by default ({@code --event-time auto}) those events
 * are put on the host's write clock, and with {@code corrected} every event is, both through the
 * host's first offset between the two clocks, so the payload's connection (Sysmon
 * 04:54:33 after correction) meets Zeek's session C6lHTD1NEfitEA9vDc (ts 04:54:34.55) on the same
 * 5-tuple 192.168.1.41:51129 -> 10.0.5.13:8080, and its x509 record (CN=prosacco.sons.com, its own
 * issuer) through the certificate fingerprint.
 */
class HostNetworkCorrelationITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path DATA = Path.of("..", "shared", "data");
    private static final String LAB_NETWORKS = "InternalNetworks=192.168.0.0/16,127.0.0.0/8,169.254.0.0/16,"
            + "224.0.0.0/4,255.255.255.255/32";

    @TempDir
    Path out;

    /** {@code eventTime} "default": no flag. */
    @ParameterizedTest(name = "--event-time {0}")
    @ValueSource(strings = {"default", "corrected"})
    void theHostAlertOnThePayloadCarriesTheZeekSessionItsHandshakeAndItsSelfSignedCertificate(String eventTime)
            throws IOException {
        String summary = backtest(eventTime);

        Alert alert = payloadAlert();
        Alert.NetworkEvidence first = alert.evidence().stream()
                .filter(v -> v.step().equals("outbound_session")).findFirst().orElseThrow().networkEvidence();
        assertThat(first.sessionId()).isEqualTo("C6lHTD1NEfitEA9vDc");
        assertThat(first.tlsVersion()).isEqualTo("TLSv12");
        assertThat(first.serverNameSent()).isFalse();
        assertThat(first.certificateSubject()).contains("CN=prosacco.sons.com");
        assertThat(first.certificateSelfIssued()).isTrue();
        assertThat(first.bytesIn()).isEqualTo(1386L);
        assertThat(summary).contains("MKT01.pandalab.com event.code 3: 140 events whose sensor time is -134.24 h");
        assertThat(lastAlert("AN1500", "10.0.5.13").process().name())
                .as("the network alert names the process").isEqualTo("winx64_payload.exe");
    }

    @Test
    void withoutTheClockCorrectionTheSessionsDoNotJoinAndTheSkewIsReported() throws IOException {
        // Collector time alone is ~19 h before Zeek's clock: far outside the join tolerance.
        String summary = backtest("collector");

        assertThat(payloadAlert().evidence()).allSatisfy(v -> assertThat(v.networkEvidence()).isNull());
        assertThat(summary).contains("clock skew: MKT01.pandalab.com event.code 3");
    }

    private String backtest(String eventTime) {
        List<String> args = new ArrayList<>(List.of("backtest",
                "--input", "windows=" + DATA.resolve("windows_sysmon/LSASS_campaign_01_metasploit_logonpasswords"),
                "--input", "zeek=" + DATA.resolve("network_zeek/otrf_lsass_campaign_01_zeek"),
                "--out", out.toString(), "--set", LAB_NETWORKS));
        if (!eventTime.equals("default")) {
            args.addAll(List.of("--event-time", eventTime));
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.commandLine().execute(args.toArray(new String[0]))).isZero();
        } finally {
            System.setOut(previous);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The final (last written) AN0400 alert on winx64_payload.exe. */
    private Alert payloadAlert() throws IOException {
        Alert a = lastAlert("AN0400", "10.0.5.13");
        assertThat(a.process().name()).isEqualTo("winx64_payload.exe");
        return a;
    }

    /** The last line written for the analytic's alert whose first destination is {@code ip}. */
    private Alert lastAlert(String analytic, String ip) throws IOException {
        Alert found = null;
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            Alert a = AlertJson.read(line);
            if (a.analytic().id().equals(analytic) && a.destinations().get(0).ip().equals(ip)) {
                found = a;
            }
        }
        assertThat(found).as(analytic + " alert on " + ip).isNotNull();
        return found;
    }
}
