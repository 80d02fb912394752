package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * The certificate join on the APT29 day 1 capture: Zeek 3 writes the certificate to x509.log
 * (file id F...) and the handshake to ssl.log (cert_chain_fuids). The C2 at 192.168.0.4:8443 serves
 * a self-signed CN=rempel.group.net valid from 2016-08-06 to 2024-08-04 (2920 days): the alert's
 * evidence must carry it, which the ssl.log record alone does not.
 */
class CertificateEvidenceRealDataITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    @TempDir
    Path out;

    @Test
    void theApt29C2HandshakesCarryTheirSelfSignedLongLivedCertificate() throws IOException {
        String[] args = {"backtest", "--input", "zeek=../shared/data/network_zeek/otrf_apt29_day1_zeek",
            "--out", out.toString(),
            "--set", "InternalNetworks=10.0.0.0/8,127.0.0.0/8,169.254.0.0/16,224.0.0.0/4,255.255.255.255/32"};
        assertThat(Main.commandLine().execute(args)).isZero();

        Alert c2 = null;
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            Alert a = AlertJson.read(line);
            if (a.analytic().id().equals("AN1500") && a.destinations().get(0).port() == 8443) {
                c2 = a;
            }
        }
        assertThat(c2).isNotNull();
        assertThat(c2.destinations().get(0).ip()).isEqualTo("192.168.0.4");
        assertThat(c2.evidence()).allSatisfy(v -> {
            assertThat(v.networkEvidence().certificateSubject()).contains("CN=rempel.group.net");
            assertThat(v.networkEvidence().certificateSelfIssued()).isTrue();
        });
        assertThat(c2.summary().get("Subjects").toString()).contains("CN=rempel.group.net");
    }
}
