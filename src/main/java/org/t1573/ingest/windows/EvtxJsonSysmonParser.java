package org.t1573.ingest.windows;

/**
 * Sysmon events in the EVTX-to-JSON shape of {@code evtx_dump -o json} and SigmaHQ's regression
 * data: {@code {"Event": {"System": {...}, "EventData": {...}}}}, XML attributes under
 * {@code #attributes} and, for an element with attributes, its text under {@code #text}.
 */
public final class EvtxJsonSysmonParser extends SysmonParserBase {
    private static final long serialVersionUID = 1L;

    static final SysmonLayout LAYOUT = new SysmonLayout(
            "evtx-json",
            "sysmon",
            true,
            "Event.EventData.",
            new String[] {"Event.System.EventID", "Event.System.EventID.#text"},
            new String[] {"Event.System.Provider.#attributes.Name", "Event.System.Channel"},
            new String[] {"Event.System.EventRecordID"},
            new String[] {"Event.System.Computer"},
            new String[] {},
            new String[] {"Event.System.TimeCreated.#attributes.SystemTime"},
            new String[] {"Event.System.TimeCreated.#attributes.SystemTime"});

    /** True if the record has the shape: an {@code Event} object with a {@code System} object. */
    static boolean isShape(com.fasterxml.jackson.databind.JsonNode root) {
        return root.path("Event").path("System").isObject();
    }

    @Override
    SysmonLayout layout() {
        return LAYOUT;
    }
}
