package org.t1573.event;

import java.util.Locale;

/** The {@code network.direction} values, as seen from the host that reports the connection. */
public enum NetworkDirection implements FieldValue {
    INBOUND,
    OUTBOUND;

    /** OUTBOUND when the host initiated the connection, else INBOUND. */
    public static NetworkDirection of(boolean initiated) {
        return initiated ? OUTBOUND : INBOUND;
    }

    /** The direction a source names ({@code Inbound}, {@code outbound}), or null for anything else. */
    public static NetworkDirection parse(String text) {
        if (text == null) {
            return null;
        }
        for (NetworkDirection d : values()) {
            if (d.value().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }
}
