package org.t1573.ingest.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.ParsedFile;

/**
 * The real {@code log show --style json} export in {@code ../shared/data/macos/} (1553 entries,
 * benign): a pretty-printed array read line by line. Its only crypto API use is the Security
 * framework failing to reach secd; its 19 com.apple.network entries name no endpoint.
 */
class UnifiedLogRealFileTest {

    private static final Path FILE =
            Path.of("../shared/data/macos/kbush2_macOS_Labs_log_show_json/macos_logs.json");
    private static final String BOOT = "0D932C58-02E0-4A03-8698-63B7450DCF5B";

    private static List<Event> EVENTS;
    private static List<String> ERRORS;

    @BeforeAll
    static void parseWholeFile() throws IOException {
        ParsedFile parsed = ParsedFile.of(FILE, new UnifiedLogParser());
        EVENTS = parsed.events();
        ERRORS = parsed.errors();
    }

    @Test
    void readsEveryLineWithoutError() {
        assertThat(ERRORS).isEmpty();
    }

    @Test
    void findsTheTwentyOneSecurityFrameworkEntriesAndNothingElse() {
        assertThat(EVENTS).hasSize(21);
        assertThat(EVENTS).extracting(e -> e.action).containsOnly("crypto_api");
        assertThat(EVENTS).extracting(e -> e.message).containsOnly("Failed to talk to secd after 4 attempts.");
        assertThat(EVENTS).extracting(e -> e.cryptoKind).containsOnly((String) null);
        assertThat(EVENTS).extracting(e -> e.dllName).containsOnly("Security");
        assertThat(EVENTS).extracting(e -> e.provider).containsOnly("com.apple.securityd");
    }

    @Test
    void attributesThemToThreeProcesses() {
        Map<String, Integer> perProcess = new TreeMap<>();
        EVENTS.forEach(e -> perProcess.merge(e.processName + "/" + e.processPid, 1, Integer::sum));

        assertThat(perProcess).isEqualTo(Map.of("apsd/356", 10, "parsec-fbf/2745", 10, "nesessionmanager/363", 1));
    }

    @Test
    void mapsTheFirstOneFieldByField() {
        Event e = EVENTS.get(0);

        assertThat(e.timestamp).isEqualTo(Instant.parse("2025-11-01T16:10:23.416Z").toEpochMilli());
        assertThat(e.processExecutable).isEqualTo("/System/Library/PrivateFrameworks/ApplePushService.framework/apsd");
        assertThat(e.processEntityId).isEqualTo(BOOT + "/356");
        assertThat(e.dllPath).isEqualTo("/System/Library/Frameworks/Security.framework/Versions/A/Security");
        assertThat(e.code).isEqualTo("SecCritical");
        assertThat(e.id).isEqualTo(BOOT + ":234279690340:3371");
        assertThat(e.dataset).isEqualTo("macos.unifiedlog");
    }

    @Test
    void givesEveryEventADistinctId() {
        assertThat(EVENTS).extracting(e -> e.id).doesNotHaveDuplicates();
    }
}
