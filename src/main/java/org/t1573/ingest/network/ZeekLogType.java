package org.t1573.ingest.network;

import java.util.Locale;
import java.util.function.Predicate;

/** The Zeek logs the analytics use; every other log (dns, http, files, weird, ...) is {@link #OTHER}. */
enum ZeekLogType {
    CONN("zeek.conn", "conn_state"),
    SSL("zeek.ssl", "cipher"),
    X509("zeek.x509", "certificate.subject"),
    OTHER(null, null);

    private final String dataset;
    private final String marker;

    ZeekLogType(String dataset, String marker) {
        this.dataset = dataset;
        this.marker = marker;
    }

    String dataset() {
        return dataset;
    }

    /**
     * The type a log path names ({@code #path conn}, {@code "@stream":"ssl"}); a rotated or
     * labelled name such as {@code conn.log.labeled} or {@code conn_20230816} counts as its stem.
     */
    static ZeekLogType ofPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (ZeekLogType t : values()) {
            if (t != OTHER && (p.equals(t.name().toLowerCase(Locale.ROOT))
                    || p.startsWith(t.name().toLowerCase(Locale.ROOT) + '.')
                    || p.startsWith(t.name().toLowerCase(Locale.ROOT) + '_'))) {
                return t;
            }
        }
        return OTHER;
    }

    /**
     * The type told by the fields a record has, for logs that do not name themselves: each log
     * has one field no other of the three has ({@code has} answers for dotted names).
     */
    static ZeekLogType ofFields(Predicate<String> has) {
        for (ZeekLogType t : values()) {
            if (t != OTHER && has.test(t.marker)) {
                return t;
            }
        }
        return OTHER;
    }
}
