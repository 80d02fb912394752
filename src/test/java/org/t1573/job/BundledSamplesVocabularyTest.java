package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.event.EventField;
import org.t1573.ingest.Channels;
import org.t1573.ingest.InputFileFilter;
import org.t1573.ingest.ParsedFile;

/**
 * The declared vocabularies are what the parsers emit: every parser of the bundled samples' channels
 * runs over its samples, and each value of an enumerated field must be in that field's vocabulary.
 */
class BundledSamplesVocabularyTest {

    private static final List<EventField> ENUMERATED = Stream.of(EventField.values())
            .filter(f -> !f.vocabulary().isEmpty()).toList();

    @Test
    void everyEnumeratedValueTheParsersEmitIsDeclared() throws IOException {
        Map<EventField, Set<String>> emitted = new EnumMap<>(EventField.class);
        for (String input : Main.BUNDLED_SAMPLES) {
            ChannelPath source = ChannelPath.parse(input);
            for (Path file : telemetryFiles(source.path())) {
                // A parser per file, as the job has: Zeek's header belongs to its file.
                for (Event e : ParsedFile.of(file, Channels.parserFor(source.channel())).events()) {
                    for (EventField f : ENUMERATED) {
                        if (f.get(e) != null) {
                            emitted.computeIfAbsent(f, k -> new TreeSet<>()).add(f.get(e).toString());
                        }
                    }
                }
            }
        }
        // The samples use every enumerated field, so none of the checks below is vacuous.
        assertThat(emitted.keySet()).containsExactlyInAnyOrderElementsOf(ENUMERATED);
        SoftAssertions soft = new SoftAssertions();
        for (EventField f : ENUMERATED) {
            soft.assertThat(emitted.get(f)).as(f.ecsName()).isSubsetOf(f.vocabulary());
        }
        soft.assertAll();
    }

    private static List<Path> telemetryFiles(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        InputFileFilter telemetry = new InputFileFilter();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> telemetry.test(new org.apache.flink.core.fs.Path(p.toUri())))
                    .sorted().forEach(files::add);
        }
        assertThat(files).as("telemetry files under " + input).isNotEmpty();
        return files;
    }
}
