package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * AN0404, AN1500 and AN0763 on the four real Zeek sets (ground truth in ../shared/data/INDEX.md),
 * through the command line as a detection engineer runs them: the lab's own networks declared
 * internal so that its C2 server, in a private range, is external; for the RITA capture the
 * explicit proxy's port profiled, as a site with that proxy would.
 */
class NetworkRealDataITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path DATA = Path.of("..", "shared", "data", "network_zeek");
    private static final String ALWAYS_INTERNAL = "127.0.0.0/8,169.254.0.0/16,224.0.0.0/4,255.255.255.255/32";
    private static final String TLS_PORTS = "443,465,563,585,614,636,853,989,990,992,993,994,995,3269,3389,5061,"
            + "5223,5986,8883,25,587,110,143,389,5222";
    private static final Set<String> NETWORK = Set.of("AN0404", "AN1500", "AN0763");

    @TempDir
    Path out;

    static Stream<Arguments> labs() {
        Path strato = DATA.resolve("stratosphere_010_benign_windows");
        return Stream.of(
                Arguments.of("LSASS campaign 01: Metasploit reverse_https to 10.0.5.13:8080",
                        List.of("--input", "zeek=" + DATA.resolve("otrf_lsass_campaign_01_zeek"),
                                "--set", "InternalNetworks=192.168.1.0/24," + ALWAYS_INTERNAL),
                        Set.of("AN1500 192.168.1.41 10.0.5.13:8080 []", "AN0763 192.168.1.41 10.0.5.13:8080 []")),
                Arguments.of("APT29 day 1: NASHUA to 192.168.0.4:8443, SCRANTON to 192.168.0.5",
                        List.of("--input", "zeek=" + DATA.resolve("otrf_apt29_day1_zeek"),
                                "--set", "InternalNetworks=10.0.0.0/8," + ALWAYS_INTERNAL),
                        Set.of("AN1500 10.0.1.6 192.168.0.4:8443 [192.168.0.4]",
                                "AN0763 10.0.1.6 192.168.0.4:8443 [192.168.0.4]",
                                "AN1500 10.0.1.4 192.168.0.5:443 []", "AN0404 10.0.1.4 192.168.0.5:1234",
                                "AN0763 10.0.1.4 192.168.0.4:80 []")),
                Arguments.of("RITA proxy beacon: only the www.honestimnotevil.com sessions (unknown_ca)",
                        List.of("--input", "zeek=" + DATA.resolve("rita_proxy_beacon"),
                                "--set", "InternalNetworks=" + ALWAYS_INTERNAL,
                                "--set", "PortProfiles=" + TLS_PORTS + ",3128"),
                        Set.of("AN1500 10.136.0.18 10.136.0.16:3128 [www.honestimnotevil.com]")),
                Arguments.of("Stratosphere benign Windows day: quiet with defaults",
                        List.of("--input", "zeek=" + strato.resolve("conn.log.labeled"),
                                "--input", "zeek=" + strato.resolve("ssl.log.labeled"),
                                "--input", "zeek=" + strato.resolve("dns.log.labeled")),
                        Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void raisesExactlyTheseNetworkAlerts(String lab, List<String> options, Set<String> expected) throws IOException {
        assertThat(alerts(options)).isEqualTo(new TreeSet<>(expected));
    }

    /**
     * "analytic source destination:port [server names]" of the network alerts (server names, from
     * each alert's last update, where the analytic reports them: they tell proxied sessions apart).
     */
    private Set<String> alerts(List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("backtest", "--out", out.toString()));
        args.addAll(options);
        assertThat(Main.commandLine().execute(args.toArray(new String[0]))).isZero();
        Map<String, Alert> last = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            Alert a = AlertJson.read(line);
            if (NETWORK.contains(a.analytic().id())) {
                last.put(a.alertId(), a);
            }
        }
        Set<String> found = new TreeSet<>();
        for (Alert a : last.values()) {
            Alert.Destination d = a.destinations().get(0);
            String names = a.summary().containsKey("ServerNames") ? " " + a.summary().get("ServerNames") : "";
            Object source = ((List<?>) a.summary().get("SourceIPs")).get(0);
            assertThat(a.host().ip()).as("the alert's host is the source of its sessions").isEqualTo(source);
            found.add(a.analytic().id() + " " + source + " " + d.ip() + ":" + d.port() + names);
        }
        return found;
    }
}
