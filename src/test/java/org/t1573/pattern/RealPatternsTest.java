package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** The shipped patterns, compiled with their defaults, against hand-built Sysmon-like events. */
class RealPatternsTest {
    private static final int CRYPTO_LOAD = 0;
    private static final int OUTBOUND_SESSION = 1;
    private static final char SEP = '\u001f';

    private static CompiledPattern an0400;
    private static CompiledPattern seed;

    @BeforeAll
    static void compileRealPatterns() throws Exception {
        an0400 = compiled("patterns/windows/AN0400.yml");
        seed = compiled("patterns/windows/SEED-KQL-T1573.001.yml");
    }

    private static CompiledPattern compiled(String file) throws PatternLoadException {
        PatternDefinition def = PatternLoader.load(Path.of(file));
        return PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
    }

    // --- fixtures

    private static Event libraryLoad(String executable, String dll) {
        Event e = new Event();
        e.hostName = "WS01";
        e.processEntityId = "{11111111-2222-3333-4444-555555555555}";
        e.processPid = 4242L;
        e.action = "library_load";
        e.processExecutable = executable;
        e.processName = executable.substring(executable.lastIndexOf('\\') + 1);
        e.dllName = dll;
        e.dllPath = "C:\\Windows\\System32\\" + dll;
        return e;
    }

    private static Event cryptoLoadBy(String executable) {
        return libraryLoad(executable, "bcryptprimitives.dll");
    }

    private static Event connection(String ip, int port) {
        Event e = new Event();
        e.hostName = "WS01";
        e.processEntityId = "{11111111-2222-3333-4444-555555555555}";
        e.processPid = 4242L;
        e.processName = "rundll32.exe";
        e.action = "network_connection";
        e.networkDirection = "outbound";
        e.outcome = "success";
        e.destinationIp = ip;
        e.destinationPort = port;
        return e;
    }

    // --- the patterns

    @Test
    void bothPatternsHaveTwoStepsNamedAfterWhatWasObserved() {
        assertThat(List.of(an0400.stepName(0), an0400.stepName(1), seed.stepName(0), seed.stepName(1)))
                .containsExactly("crypto_load", "outbound_session", "crypto_load", "outbound_session");
    }

    @Test
    void bothPatternsAggregateOverTheOutboundSessions() {
        assertThat(List.of(an0400.overStep(), seed.overStep())).containsExactly(OUTBOUND_SESSION, OUTBOUND_SESSION);
    }

    // --- step 0: crypto_load

    @Test
    void rundll32LoadingBcryptPrimitivesInUpperCaseMatchesAn0400CryptoLoad() {
        Event e = libraryLoad("C:\\Windows\\System32\\rundll32.exe", "BCRYPTPRIMITIVES.DLL");

        assertThat(an0400.stepMask(e)).isEqualTo(1 << CRYPTO_LOAD);
    }

    @Test
    void rundll32LoadingBcryptPrimitivesMatchesTheSeedCryptoLoad() {
        Event e = libraryLoad("C:\\Windows\\System32\\rundll32.exe", "BCRYPTPRIMITIVES.DLL");

        assertThat(seed.stepMask(e)).isEqualTo(1 << CRYPTO_LOAD);
    }

    @Test
    void aLibraryThatIsNotCryptoDoesNotMatch() {
        Event e = libraryLoad("C:\\Windows\\System32\\rundll32.exe", "kernel32.dll");

        assertThat(List.of(an0400.stepMask(e), seed.stepMask(e))).containsExactly(0, 0);
    }

    @Test
    void aesDllIsCryptoForAn0400Only() {
        Event e = libraryLoad("C:\\Users\\x\\beacon.exe", "aes.dll");

        assertThat(List.of(an0400.matchesStep(CRYPTO_LOAD, e), seed.matchesStep(CRYPTO_LOAD, e)))
                .containsExactly(true, false);
    }

    @Test
    void chromeIsAllowedByAn0400() {
        Event e = cryptoLoadBy("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");

        assertThat(an0400.matchesStep(CRYPTO_LOAD, e)).isFalse();
    }

    @Test
    void chromeIsExcludedByTheSeed() {
        Event e = cryptoLoadBy("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");

        assertThat(seed.matchesStep(CRYPTO_LOAD, e)).isFalse();
    }

    @Test
    void systemSvchostIsAllowedByAn0400ByPath() {
        assertThat(an0400.matchesStep(CRYPTO_LOAD, cryptoLoadBy("C:\\Windows\\System32\\svchost.exe"))).isFalse();
    }

    @Test
    void theAllowedPathIsComparedCaseInsensitively() {
        assertThat(an0400.matchesStep(CRYPTO_LOAD, cryptoLoadBy("c:\\windows\\system32\\SVCHOST.EXE"))).isFalse();
    }

    @Test
    void svchostOutsideSystem32MatchesAn0400() {
        assertThat(an0400.matchesStep(CRYPTO_LOAD, cryptoLoadBy("C:\\Users\\x\\svchost.exe"))).isTrue();
    }

    @Test
    void theSeedExcludesSvchostByNameAnywhere() {
        assertThat(seed.matchesStep(CRYPTO_LOAD, cryptoLoadBy("C:\\Users\\x\\svchost.exe"))).isFalse();
    }

    // --- step 1: outbound_session

    @Test
    void aSuccessfulOutboundConnectionToAPublicAddressOnAnOddPortMatchesBothSessionSteps() {
        Event e = connection("8.8.8.8", 4444);

        assertThat(List.of(an0400.stepMask(e), seed.stepMask(e)))
                .containsExactly(1 << OUTBOUND_SESSION, 1 << OUTBOUND_SESSION);
    }

    @Test
    void aConnectionToAPrivateAddressMatchesNeither() {
        Event e = connection("10.0.0.5", 4444);

        assertThat(List.of(an0400.stepMask(e), seed.stepMask(e))).containsExactly(0, 0);
    }

    @Test
    void aConnectionToTheIpv6LoopbackAsSysmonWritesItMatchesNeither() {
        Event e = connection("0:0:0:0:0:0:0:1", 4444);

        assertThat(List.of(an0400.stepMask(e), seed.stepMask(e))).containsExactly(0, 0);
    }

    @Test
    void port443MatchesAn0400ButIsAStandardPortForTheSeed() {
        Event e = connection("8.8.8.8", 443);

        assertThat(List.of(an0400.matchesStep(OUTBOUND_SESSION, e), seed.matchesStep(OUTBOUND_SESSION, e)))
                .containsExactly(true, false);
    }

    @Test
    void anUnknownOutcomeCountsForAn0400ButNotForTheSeed() {
        Event e = connection("8.8.8.8", 4444);
        e.outcome = "unknown";

        assertThat(List.of(an0400.matchesStep(OUTBOUND_SESSION, e), seed.matchesStep(OUTBOUND_SESSION, e)))
                .containsExactly(true, false);
    }

    @Test
    void anInboundConnectionMatchesNeither() {
        Event e = connection("8.8.8.8", 4444);
        e.networkDirection = "inbound";

        assertThat(List.of(an0400.stepMask(e), seed.stepMask(e))).containsExactly(0, 0);
    }

    @Test
    void aProcessEndEndsTheKey() {
        Event e = connection("8.8.8.8", 4444);
        e.action = "process_end";

        assertThat(List.of(an0400.endsKey(e), seed.endsKey(e))).containsExactly(true, true);
    }

    // --- keys

    @Test
    void anEventWithoutHostNameHasNoKey() {
        Event e = connection("8.8.8.8", 4444);
        e.hostName = null;

        assertThat(an0400.key(e)).isNull();
    }

    @Test
    void theKeyIsHostAndProcessGuid() {
        assertThat(an0400.key(connection("8.8.8.8", 4444)))
                .isEqualTo("WS01" + SEP + "{11111111-2222-3333-4444-555555555555}");
    }

    @Test
    void withoutAProcessGuidTheKeyFallsBackToHostPidAndStart() {
        Event e = connection("8.8.8.8", 4444);
        e.processEntityId = null;
        e.processStart = 1_700_000_000_000L;

        assertThat(an0400.key(e)).isEqualTo("WS01" + SEP + "WS01|4242|1700000000000");
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsAnotherKey() {
        Event first = connection("8.8.8.8", 4444);
        first.processEntityId = null;
        first.processStart = 1_000L;
        Event second = connection("8.8.8.8", 4444);
        second.processEntityId = null;
        second.processStart = 2_000L;

        assertThat(an0400.key(first)).isNotEqualTo(an0400.key(second));
    }

    @Test
    void theLoadAndTheConnectionOfOneProcessShareAKey() {
        Event load = cryptoLoadBy("C:\\Users\\x\\beacon.exe");

        assertThat(an0400.key(load)).isEqualTo(an0400.key(connection("8.8.8.8", 4444)));
    }

    // --- parameters the engine reads

    @Test
    void theSeedDeclaresTheBeaconRule() {
        assertThat(List.of(seed.beaconMinConnections(), seed.beaconMinIntervalSeconds(),
                seed.beaconMaxIntervalSeconds())).containsExactly(5.0, 30.0, 3600.0);
    }

    @Test
    void an0400FallsBackToTheSeedBeaconRule() {
        assertThat(List.of(an0400.beaconMinConnections(), an0400.beaconMinIntervalSeconds(),
                an0400.beaconMaxIntervalSeconds())).containsExactly(5.0, 30.0, 3600.0);
    }
}
