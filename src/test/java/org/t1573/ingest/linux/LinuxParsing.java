package org.t1573.ingest.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.t1573.event.Event;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/** Test helpers: the real Linux captures and parsing lines into events. */
final class LinuxParsing {

    static final Path DATA = Path.of("..", "shared", "data", "linux");
    static final Path LOG4SHELL = DATA.resolve("otrf_log4shell_ubuntu5");
    static final Path ATOMIC = DATA.resolve("otrf_atomic_auditd_raw");
    /** The repository's own auditd sample, which the tests may read without ../shared. */
    static final Path AUDIT_SAMPLE = Path.of("samples", "linux", "audit.log");

    private LinuxParsing() {}

    /** The one file of the directory whose name starts with the prefix. */
    static Path realFile(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> matches = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertThat(matches).as("files starting with " + prefix).hasSize(1);
            return matches.get(0);
        }
    }

    /** The events of the one real file of the directory whose name starts with the prefix. */
    static List<Event> parseRealFile(RecordParser parser, Path dir, String prefix)
            throws IOException, MalformedRecordException {
        return parseFile(parser, realFile(dir, prefix));
    }

    static List<Event> parseFile(RecordParser parser, Path file) throws IOException, MalformedRecordException {
        return parseLines(parser, Files.readAllLines(file));
    }

    static List<Event> parseLines(RecordParser parser, List<String> lines) throws MalformedRecordException {
        List<Event> out = new ArrayList<>();
        for (String line : lines) {
            parser.parse(line, out::add);
        }
        return out;
    }

    /** The events of the lines as one whole input: what the parser still holds at its end too. */
    static List<Event> parseInput(RecordParser parser, List<String> lines) throws MalformedRecordException {
        List<Event> out = parseLines(parser, lines);
        parser.endOfInput(out::add);
        return out;
    }

    static List<Event> parse(RecordParser parser, String... lines) throws MalformedRecordException {
        return parseLines(parser, List.of(lines));
    }

    /** The only event the predicate selects. */
    static Event only(List<Event> events, Predicate<Event> which) {
        List<Event> matches = events.stream().filter(which).toList();
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    static Predicate<Event> action(String action) {
        return e -> action.equals(e.action);
    }

    static Predicate<Event> pid(long pid) {
        return e -> e.processPid != null && e.processPid == pid;
    }

    static long iso(String text) {
        return Instant.parse(text).toEpochMilli();
    }
}
