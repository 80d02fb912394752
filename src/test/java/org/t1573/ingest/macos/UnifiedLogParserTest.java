package org.t1573.ingest.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;

class UnifiedLogParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOT = "5B2F0C1E-7A41-4E0B-9D55-0C6A3E1F2B77";
    private static final String SECURITY = "/System/Library/Frameworks/Security.framework/Versions/A/Security";
    private static final String AGENT = "/Users/alice/Library/Application Support/.helper/helperd";

    private final UnifiedLogParser parser = new UnifiedLogParser();

    @Test
    void mapsSecurityFrameworkUseToCryptoApiFieldByField() throws MalformedRecordException {
        Event e = only(entry("com.apple.security", "keys", SECURITY,
                "SecKeyCreateRandomKey: kSecAttrKeyTypeRSA 2048 bits"));

        assertThat(e.action).isEqualTo("crypto_api");
        assertThat(e.category).isEqualTo("process");
        assertThat(e.cryptoKind).isEqualTo("asymmetric");
        assertThat(e.timestamp).isEqualTo(Instant.parse("2026-03-02T14:05:02.123Z").toEpochMilli());
        assertThat(e.dataset).isEqualTo("macos.unifiedlog");
        assertThat(e.provider).isEqualTo("com.apple.security");
        assertThat(e.code).isEqualTo("keys");
        assertThat(e.processExecutable).isEqualTo(AGENT);
        assertThat(e.processName).isEqualTo("helperd");
        assertThat(e.processPid).isEqualTo(812L);
        assertThat(e.processEntityId).isEqualTo(BOOT + "/812");
        assertThat(e.dllPath).isEqualTo(SECURITY);
        assertThat(e.dllName).isEqualTo("Security");
        assertThat(e.message).isEqualTo("SecKeyCreateRandomKey: kSecAttrKeyTypeRSA 2048 bits");
        assertThat(e.id).isEqualTo(BOOT + ":9000000001:4242");
        assertThat(e.hostName).isNull();
    }

    @Test
    void mapsCommonCryptoToSymmetricUse() throws MalformedRecordException {
        Event e = only(entry("", "", "/usr/lib/system/libcommonCrypto.dylib", "CCCrypt kCCEncrypt kCCAlgorithmAES"));

        assertThat(e.action).isEqualTo("crypto_api");
        assertThat(e.cryptoKind).isEqualTo("symmetric");
        assertThat(e.dllName).isEqualTo("libcommonCrypto.dylib");
    }

    @Test
    void mapsANetworkDescriptorToAnOutboundConnection() throws MalformedRecordException {
        Event e = only(entry("com.apple.network", "connection", "/System/Library/Frameworks/Network.framework/Network",
                "[C12 203.0.113.50:8443 tcp, tls, definite, attribution: developer] start"));

        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.category).isEqualTo("network");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.outcome).isEqualTo("unknown");
        assertThat(e.destinationIp).isEqualTo("203.0.113.50");
        assertThat(e.destinationPort).isEqualTo(8443);
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkProtocol).isEqualTo("tls");
        assertThat(e.processEntityId).isEqualTo(BOOT + "/812");
        assertThat(e.dllName).isNull();
    }

    @Test
    void countsEachConnectionOnceThoughManyMessagesNameIt() throws MalformedRecordException {
        List<Event> events = new ArrayList<>();
        for (String m : List.of("[C12 203.0.113.50:8443 tcp, tls] start",
                "nw_endpoint_handler_start [C12.1 203.0.113.50:8443 initial path ((null))]",
                "nw_flow_connected [C12.1.1 203.0.113.50:8443 in_progress channel-flow] Transport protocol connected",
                "[C13 203.0.113.50:8443 tcp, tls] start")) {
            parser.parse(entry("com.apple.network", "connection", "Network", m), events::add);
        }

        assertThat(events).extracting(e -> e.message).containsExactly(
                "[C12 203.0.113.50:8443 tcp, tls] start", "[C13 203.0.113.50:8443 tcp, tls] start");
    }

    @Test
    void mapsATlsMessageWithoutEndpointToTlsCryptoUse() throws MalformedRecordException {
        Event e = only(entry("com.apple.network", "boringssl", "/usr/lib/libboringssl.dylib",
                "boringssl_context_info_handler(2072) [C12.1.1:2][0x7f8] Client handshake done"));

        assertThat(e.action).isEqualTo("crypto_api");
        assertThat(e.cryptoKind).isEqualTo("tls");
    }

    @Test
    void emitsNothingForOtherEntries() throws MalformedRecordException {
        List<Event> events = new ArrayList<>();
        parser.parse(entry("com.apple.coredata", "error", "/System/Library/Frameworks/CoreData.framework/CoreData",
                "Failed to load model"), events::add);
        parser.parse(entry("com.apple.network", "", "Network", "nw_path_necp_check_for_updates Failed (22)"), events::add);

        assertThat(events).isEmpty();
    }

    @Test
    void takesTheHostFromAShipperAddedField() throws MalformedRecordException {
        ObjectNode n = node("com.apple.security", "", SECURITY, "SecTrustEvaluateWithError");
        n.put("hostname", "mac-sample-01");

        assertThat(only(n.toString()).hostName).isEqualTo("mac-sample-01");
    }

    @Test
    void readsAPrettyPrintedArrayEntryWhenItCloses() throws MalformedRecordException {
        String pretty = node("", "", "/usr/lib/system/libcommonCrypto.dylib", "CCCrypt RC4").toPrettyString();
        String[] lines = ("[" + pretty + "]").split("\n");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            parser.parse(lines[i], events::add);
            assertThat(events).hasSize(i == lines.length - 1 ? 1 : 0);
        }
        assertThat(events.get(0).cryptoKind).isEqualTo("symmetric");
    }

    @Test
    void rejectsAnEntryWithABadTimestamp() {
        ObjectNode n = node("com.apple.security", "", SECURITY, "SecKey");
        n.put("timestamp", "yesterday");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("macos: field timestamp 'yesterday' is not a time");
    }

    @Test
    void rejectsAnEntryWithoutTimestamp() {
        ObjectNode n = node("com.apple.security", "", SECURITY, "SecKey");
        n.remove("timestamp");

        assertThatThrownBy(() -> parser.parse(n.toString(), e -> { }))
                .hasMessageContaining("macos: field timestamp is missing");
    }

    private Event only(String line) throws MalformedRecordException {
        List<Event> events = new ArrayList<>();
        parser.parse(line, events::add);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String entry(String subsystem, String category, String sender, String message) {
        return node(subsystem, category, sender, message).toString();
    }

    /** An entry as {@code log show --style ndjson} writes it, with the keys the parser reads. */
    private static ObjectNode node(String subsystem, String category, String sender, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("timezoneName", "");
        n.put("messageType", "Default");
        n.put("eventType", "logEvent");
        n.put("subsystem", subsystem);
        n.put("category", category);
        n.put("threadID", 4242);
        n.put("bootUUID", BOOT);
        n.put("processImagePath", AGENT);
        n.put("senderImagePath", sender);
        n.put("timestamp", "2026-03-02 09:05:02.123456-0500");
        n.put("machTimestamp", 9000000001L);
        n.put("eventMessage", message);
        n.put("processID", 812);
        return n;
    }
}
