package org.t1573.ingest.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Real files read line by line through one parser instance, as the job reads them (the end of
 * each file told to the parser): the events, the dead letters and the ignored records by reason.
 */
record ParsedFile(List<Event> events, List<String> deadLetters, Map<String, Integer> ignored) {

    static final Path ZEEK = Path.of("..", "shared", "data", "network_zeek");
    static final Path NETFLOW = Path.of("..", "shared", "data", "netflow", "stratosphere_netflowlabeler_examples");

    static ParsedFile read(RecordParser parser, Path... files) {
        ParsedFile parsed = new ParsedFile(new ArrayList<>(), new ArrayList<>(), new TreeMap<>());
        for (Path file : files) {
            parsed.add(parser, file.getFileName().toString(), lines(file));
        }
        return parsed;
    }

    /** The lines as one file of the given name. */
    static ParsedFile ofLines(RecordParser parser, String name, List<String> lines) {
        ParsedFile parsed = new ParsedFile(new ArrayList<>(), new ArrayList<>(), new TreeMap<>());
        parsed.add(parser, name, lines);
        return parsed;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(RecordParser parser, String name, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            try {
                parser.parse(lines.get(i), events::add, reason -> ignored.merge(reason, 1, Integer::sum));
            } catch (MalformedRecordException e) {
                deadLetters.add(name + ":" + (i + 1) + " " + e.getMessage());
            }
        }
        try {
            parser.endOfInput(events::add);
        } catch (MalformedRecordException e) {
            deadLetters.add(name + ": at its end " + e.getMessage());
        }
    }

    /** The ignored records of every reason. */
    int ignoredCount() {
        return ignored.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The events of inline records given to one parser in order; the first malformed one throws. */
    static List<Event> parseLines(RecordParser parser, String... lines) throws MalformedRecordException {
        List<Event> out = new ArrayList<>();
        for (String line : lines) {
            parser.parse(line, out::add);
        }
        return out;
    }

    /** Events per dataset. */
    Map<String, Long> countsByDataset() {
        return events.stream().collect(Collectors.groupingBy(e -> e.dataset, TreeMap::new, Collectors.counting()));
    }

    List<Event> where(Predicate<Event> p) {
        return events.stream().filter(p).collect(Collectors.toList());
    }

    /** The one event with this id. */
    Event byId(String id) {
        List<Event> found = where(e -> id.equals(e.id));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " events with id " + id);
        }
        return found.get(0);
    }

    static Predicate<Event> to(String ip, int port) {
        return e -> ip.equals(e.destinationIp) && Integer.valueOf(port).equals(e.destinationPort);
    }
}
