package org.t1573.job;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.t1573.ingest.EventTime;

/** The values of {@code --event-time}, as the help lists them and users type them. */
final class EventTimeWords implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(EventTime.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
