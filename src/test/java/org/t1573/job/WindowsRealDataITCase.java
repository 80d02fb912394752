package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.t1573.alert.Alert;
import org.t1573.alert.AlertJson;

/**
 * AN0400 and the seed query on the five OTRF Sysmon captures (ground truth in
 * ../shared/data/INDEX.md), through the command line as a detection engineer runs them: with
 * defaults, and with the lab's own networks declared internal so that its C2 server is external.
 * No time flag: the default event time (auto) copes with the skewed clocks of LSASS campaign 01
 * and reg_meterpreter by itself.
 */
class WindowsRealDataITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobRuns.miniCluster();

    private static final Path DATA = Path.of("..", "shared", "data", "windows_sysmon");
    private static final String ALWAYS_INTERNAL = "127.0.0.0/8,169.254.0.0/16,224.0.0.0/4,255.255.255.255/32";
    private static final String CORP_172_192 = "InternalNetworks=172.16.0.0/12,192.168.0.0/16," + ALWAYS_INTERNAL;

    @TempDir
    Path out;

    static Stream<Arguments> labs() {
        return Stream.of(
                Arguments.of("LSASS_campaign_01_metasploit_logonpasswords",
                        List.of("--set", "InternalNetworks=192.168.0.0/16," + ALWAYS_INTERNAL),
                        Set.of("AN0400 winx64_payload.exe {81056205-5686-64dc-3b04-000000000800} 10.0.5.13:8080")),
                Arguments.of("covenant_installutil", List.of("--set", CORP_172_192),
                        Set.of("AN0400 InstallUtil.exe {b34bc01c-add5-5f66-2210-000000000400} 10.10.10.5:80")),
                Arguments.of("empire_launcher_sct_regsvr32", List.of("--set", CORP_172_192),
                        Set.of("AN0400 regsvr32.exe {b59756a9-b238-5f17-5207-000000000400} 10.10.10.5:8444",
                                "SEED-KQL-T1573.001 regsvr32.exe {b59756a9-b238-5f17-5207-000000000400} 10.10.10.5:8444",
                                "AN0400 powershell.exe {b59756a9-b239-5f17-5307-000000000400} 10.10.10.5:80")),
                Arguments.of("empire_launcher_vbs", List.of("--set", CORP_172_192),
                        Set.of("AN0400 powershell.exe {860ba2e3-9f13-5f52-2703-000000000400} 10.10.10.5:80")),
                Arguments.of("reg_meterpreter_process_commandline_logging_disabled",
                        List.of("--set", "InternalNetworks=10.0.0.0/8,172.16.0.0/12," + ALWAYS_INTERNAL),
                        Set.of("AN0400 payload.exe {564ff025-c14a-62fe-1f03-000000000700} 192.168.56.40:8443")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void findsTheDocumentedC2WithTheLabsNetworksDeclared(String dataset, List<String> options, Set<String> expected)
            throws IOException {
        assertThat(alerts(dataset, options)).isEqualTo(new TreeSet<>(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSASS_campaign_01_metasploit_logonpasswords", "covenant_installutil",
            "empire_launcher_sct_regsvr32", "empire_launcher_vbs", "reg_meterpreter_process_commandline_logging_disabled"})
    void staysSilentWithDefaultsBecauseEveryLabC2IsInAPrivateRange(String dataset) throws IOException {
        assertThat(alerts(dataset, List.of())).isEmpty();
    }

    /**
     * Triage context: the agent's Sysmon EID 1 is no step of AN0400, yet its alert carries the
     * command line, parent and user from it (the pattern's context), and the host's address from
     * its connections.
     */
    @Test
    void theEmpireAgentsAlertCarriesItsCommandLineParentAndUserFromItsProcessStart() throws IOException {
        alerts("empire_launcher_vbs", List.of("--set", CORP_172_192));
        Alert agent = Files.readAllLines(out.resolve("alerts.jsonl")).stream().map(AlertJson::read)
                .filter(a -> a.analytic().id().equals("AN0400")).findFirst().orElseThrow();

        assertThat(agent.process().commandLine()).startsWith("\"C:\\Windows\\System32\\WindowsPowerShell")
                .contains("-noP -sta -w 1 -enc");
        assertThat(agent.process().parent().name()).isEqualTo("wscript.exe");
        assertThat(agent.process().parent().pid()).isEqualTo(2440L);
        assertThat(agent.process().user()).isEqualTo("THESHIRE\\pgustavo");
        assertThat(agent.host().ip()).isEqualTo("172.18.39.5");
    }

    /** "analytic process guid ip:port" of the AN0400 and seed-query alerts of a backtest run. */
    private Set<String> alerts(String dataset, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("backtest", "--input", DATA.resolve(dataset).toString(),
                "--out", out.toString()));
        args.addAll(options);
        assertThat(Main.commandLine().execute(args.toArray(new String[0]))).isZero();
        Set<String> found = new TreeSet<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            Alert a = AlertJson.read(line);
            if (a.analytic().id().equals("AN0400") || a.analytic().id().equals("SEED-KQL-T1573.001")) {
                Alert.Destination d = a.destinations().get(0);
                found.add(a.analytic().id() + " " + a.process().name() + " " + a.process().entityId() + " "
                        + d.ip() + ":" + d.port());
            }
        }
        return found;
    }
}
