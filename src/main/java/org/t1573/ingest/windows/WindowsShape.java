package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;

/** The Windows telemetry shapes the "windows" channel carries, told apart by their keys. */
enum WindowsShape {
    /** Flat Sysmon JSON: EventID and the EventData fields at the top level. */
    SYSMON,
    /** Winlogbeat / Elastic Agent: a {@code winlog} object or {@code winlog.*} keys. */
    WINLOGBEAT,
    /** Defender for Endpoint: a flat row, a streaming envelope or an Event Hub batch. */
    DEFENDER;

    /** The shape of a record, or null if it has none of them. */
    static WindowsShape of(JsonNode root) {
        // Most specific first: a winlog branch or a records/properties wrapper decides on its own.
        if (DottedPath.hasBranch(root, "winlog")) {
            return WINLOGBEAT;
        }
        if (root.has("records") || DefenderParser.isEnvelope(root)) {
            return DEFENDER;
        }
        if (root.has("EventID") || root.has("EventId")) {
            return SYSMON;
        }
        if ((root.has("DeviceId") || root.has("DeviceName")) && (root.has("Timestamp") || root.has("ActionType"))) {
            return DEFENDER;
        }
        return null;
    }
}
