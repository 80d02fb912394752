package org.t1573.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternCopies;
import org.t1573.pattern.PatternSet;

class PlatformScopeTest {

    private static Set<String> ids(PatternSet s) {
        return s.patterns().stream().map(CompiledPattern::id).collect(Collectors.toSet());
    }

    @Test
    void aWindowsBacktestRunsTheWindowsAnalyticsOnly() throws Exception {
        PatternSet all = PatternSet.load(List.of(Path.of("patterns")), Map.of());
        PatternSet windows = PlatformScope.of(all, List.of("windows"));
        assertEquals(Set.of("AN0400", "AN0759", "AN1496", "SEED-KQL-T1573.001"), ids(windows));
        assertEquals(all.patterns().size() - 4, PlatformScope.skipped(all, List.of("windows")).size());
        assertTrue(PlatformScope.skipped(all, List.of("windows")).contains("AN1500"));
    }

    @Test
    void everyChannelOfAPlatformBringsItsAnalytics() throws Exception {
        PatternSet all = PatternSet.load(List.of(Path.of("patterns")), Map.of());
        Set<String> hostAndNetwork = ids(PlatformScope.of(all, List.of("osquery", "zeek")));
        assertTrue(hostAndNetwork.containsAll(Set.of("AN0401", "AN0760", "AN1497", "AN0404", "AN0763", "AN1500",
                "T1573-BEACON")));
        assertEquals(7, hostAndNetwork.size());
        assertEquals(ids(all), ids(PlatformScope.of(all, List.of("windows", "auditd", "macos", "esxcli", "netflow"))));
        assertEquals(Set.of(), PlatformScope.skipped(all, List.of("windows", "syslog", "macos", "esxi", "suricata")));
    }

    @Test
    void aPatternOfAPlatformNoChannelNamesAlwaysRuns(@TempDir Path dir) throws Exception {
        Path file = PatternCopies.an0400In(dir, "OWN.yml", an0400 -> an0400.replace("id: AN0400", "id: OWN-1")
                .replace("platform: windows", "platform: mainframe"));
        PatternSet own = PatternSet.load(List.of(file), Map.of());
        assertEquals(Set.of("OWN-1"), ids(PlatformScope.of(own, List.of("zeek"))));
        assertEquals(Set.of(), PlatformScope.skipped(own, List.of("zeek")));
    }
}
