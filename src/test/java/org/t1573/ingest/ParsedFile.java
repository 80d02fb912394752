package org.t1573.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.t1573.event.Event;

/**
 * A whole file fed line by line to one parser, as the job's reader does: the events, and the
 * reason of every line that would have become a dead letter.
 */
public record ParsedFile(List<Event> events, List<String> errors) {

    public static ParsedFile of(Path file, RecordParser parser) throws IOException {
        List<Event> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            try {
                parser.parse(line, events::add);
            } catch (MalformedRecordException e) {
                errors.add(e.getMessage());
            }
        }
        return new ParsedFile(events, errors);
    }
}
