package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;

/** The Windows telemetry shapes the "windows" channel carries, told apart by their keys. */
enum WindowsShape {
    /** Flat Sysmon JSON: EventID and the EventData fields at the top level. */
    SYSMON,
    /** Winlogbeat / Elastic Agent: a {@code winlog} object or {@code winlog.*} keys. */
    WINLOGBEAT,
    /** Winlogbeat / Elastic Agent Sysmon after the sysmon ingest pipeline renamed it to ECS. */
    WINLOGBEAT_ECS,
    /** Flat CAPI2 JSON: EventID with Channel or SourceName naming Microsoft-Windows-CAPI2. */
    CAPI2,
    /** Winlogbeat / Elastic Agent records of the CAPI2 channel. */
    WINLOGBEAT_CAPI2,
    /** Defender for Endpoint: a flat row, a streaming envelope or an Event Hub batch. */
    DEFENDER,
    /** EVTX converted to JSON (evtx_dump, SigmaHQ's regression data): Event.System and Event.EventData. */
    EVTX_JSON;

    /** The shape of a record, or null if it has none of them. */
    static WindowsShape of(JsonNode root) {
        // Most specific first: a winlog branch or a records/properties wrapper decides on its own.
        if (DottedPath.hasBranch(root, "winlog")) {
            if (isCapi2(root, "winlog.channel", "winlog.provider_name")) {
                return WINLOGBEAT_CAPI2;
            }
            return EcsSysmonParser.isRenamed(root) ? WINLOGBEAT_ECS : WINLOGBEAT;
        }
        if (EvtxJsonSysmonParser.isShape(root)) {
            return EVTX_JSON;
        }
        if (root.has("records") || DefenderParser.isEnvelope(root)) {
            return DEFENDER;
        }
        if (root.has("EventID") || root.has("EventId")) {
            return isCapi2(root, "Channel", "SourceName", "ProviderName") ? CAPI2 : SYSMON;
        }
        if ((root.has("DeviceId") || root.has("DeviceName")) && (root.has("Timestamp") || root.has("ActionType"))) {
            return DEFENDER;
        }
        return null;
    }

    /** True if one of the channel or provider fields names CAPI2 (a record without them stays Sysmon). */
    private static boolean isCapi2(JsonNode root, String... fields) {
        for (String field : fields) {
            JsonNode value = DottedPath.find(root, field);
            if (value != null && value.isTextual() && value.asText().startsWith(Capi2EventMapper.PROVIDER)) {
                return true;
            }
        }
        return false;
    }
}
