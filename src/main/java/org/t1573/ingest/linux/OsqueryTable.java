package org.t1573.ingest.linux;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The osquery tables the analytics read. A scheduled query's name is the operator's choice, so
 * the table is taken from the name when it contains the table's name, else from the row's
 * columns.
 */
enum OsqueryTable {
    PROCESS_MEMORY_MAP("process_memory_map"),
    PROCESS_OPEN_SOCKETS("process_open_sockets"),
    PROCESSES("processes");

    final String table;

    OsqueryTable(String table) {
        this.table = table;
    }

    /** The table of a result row, or null for a query on another table. */
    static OsqueryTable of(String queryName, JsonNode columns) {
        String name = queryName == null ? "" : queryName.toLowerCase(Locale.ROOT);
        for (OsqueryTable t : values()) {
            if (name.contains(t.table)) {
                return t;
            }
        }
        if (columns.has("remote_address")) {
            return PROCESS_OPEN_SOCKETS;
        }
        if (columns.has("path") && (columns.has("offset") || columns.has("inode") || columns.has("permissions"))) {
            return PROCESS_MEMORY_MAP;
        }
        if (columns.has("pid") && columns.has("parent")) {
            return PROCESSES;
        }
        return null;
    }
}
