package org.t1573.ingest.windows;

import java.util.Set;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * The Defender for Endpoint Advanced Hunting tables this package reads, and how to tell which
 * one a row comes from: its declared table, or, for exported rows that carry no table name,
 * its ActionType and columns.
 */
enum DefenderTable {
    NETWORK("DeviceNetworkEvents"),
    IMAGE_LOAD("DeviceImageLoadEvents"),
    PROCESS("DeviceProcessEvents");

    /** The streaming API's category is the table name with this prefix. */
    private static final String CATEGORY_PREFIX = "AdvancedHunting-";

    private static final Set<String> NETWORK_ACTIONS = Set.of(
            "ConnectionSuccess", "ConnectionFailed", "ConnectionAttempt", "ConnectionRequest",
            "ConnectionFound", "ConnectionAcknowledged", "InboundConnectionAccepted",
            "ListeningConnectionCreated");

    final String tableName;

    DefenderTable(String tableName) {
        this.tableName = tableName;
    }

    String dataset() {
        return "defender." + tableName;
    }

    /** The table of a name or streaming category, or null for a table this package does not read. */
    static DefenderTable byName(String name) {
        String table = name.startsWith(CATEGORY_PREFIX) ? name.substring(CATEGORY_PREFIX.length()) : name;
        for (DefenderTable t : values()) {
            if (t.tableName.equalsIgnoreCase(table)) {
                return t;
            }
        }
        return null;
    }

    /** The table of a row with no table name, from its ActionType, else its columns. */
    static DefenderTable infer(FieldReader row) throws MalformedRecordException {
        String actionType = row.text("ActionType");
        if (actionType != null) {
            if (NETWORK_ACTIONS.contains(actionType)) {
                return NETWORK;
            }
            if ("ImageLoaded".equals(actionType)) {
                return IMAGE_LOAD;
            }
            if ("ProcessCreated".equals(actionType)) {
                return PROCESS;
            }
        }
        if (row.firstText("RemoteIP", "RemotePort", "LocalPort") != null) {
            return NETWORK;
        }
        if (row.text("FileName") != null) {
            return IMAGE_LOAD;
        }
        throw new MalformedRecordException(row.source()
                + ": row has no table name, no RemoteIP/RemotePort/LocalPort and no FileName; cannot tell its table");
    }
}
