package org.t1573.ingest;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.t1573.ingest.windows.WindowsRecordParser;

/** The channels the job reads, by name, each with the parser of its records. */
public final class Channels {
    private static final Map<String, Supplier<RecordParser>> PARSERS = new TreeMap<>();

    static {
        PARSERS.put("windows", WindowsRecordParser::new);
    }

    private Channels() {}

    /** A new parser for the channel; IllegalArgumentException names the known channels. */
    public static RecordParser parserFor(String channel) {
        Supplier<RecordParser> s = PARSERS.get(channel);
        if (s == null) {
            throw new IllegalArgumentException("unknown channel '" + channel + "' (known: " + PARSERS.keySet() + ")");
        }
        return s.get();
    }

    public static Set<String> names() {
        return PARSERS.keySet();
    }
}
