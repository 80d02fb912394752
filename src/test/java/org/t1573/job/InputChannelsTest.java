package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs without {@code channel=} get the channel their files' first bytes show; an explicit one wins. */
class InputChannelsTest {
    private static final Path RITA_CONN = Path.of("..", "shared", "data", "network_zeek", "rita_proxy_beacon", "conn.log");

    @TempDir
    Path dir;

    @Test
    void everyRealFileIsSniffedAsTheChannelItsIndexNames() {
        for (InputSpec expected : RealDataAccountingITCase.INPUTS) {
            List<String> reported = new ArrayList<>();
            List<String> paths = expected.paths().stream().map(Path::toString).toList();

            List<InputSpec> sniffed = InputChannels.resolve(paths, reported::add);

            assertThat(sniffed).as(expected.channel() + " " + reported).singleElement()
                    .extracting(InputSpec::channel).isEqualTo(expected.channel());
            assertThat(reported).hasSize(FileInputs.files(expected.paths()).size())
                    .allMatch(line -> line.startsWith("input ") && line.contains(": " + expected.channel() + " ("));
        }
    }

    @Test
    void everyBundledSampleIsSniffedAsTheChannelItIsRunWith() {
        for (String input : Main.BUNDLED_SAMPLES) {
            ChannelPath given = ChannelPath.parse(input);

            List<InputSpec> sniffed = InputChannels.resolve(List.of(given.path().toString()), line -> { });

            assertThat(sniffed).as(input).singleElement().extracting(InputSpec::channel).isEqualTo(given.channel());
        }
    }

    @Test
    void aDirectoryMixingChannelsIsSplitByFileAndEachChoiceIsReported() throws Exception {
        Path zeek = Files.copy(RITA_CONN, dir.resolve("conn.log"));
        Path sysmon = Files.copy(Path.of("samples", "windows", "sysmon.ndjson"), dir.resolve("sysmon.ndjson"));
        List<String> reported = new ArrayList<>();

        List<InputSpec> specs = InputChannels.resolve(List.of(dir.toString()), reported::add);

        assertThat(specs).containsExactlyInAnyOrder(new InputSpec("zeek", List.of(zeek.toAbsolutePath())),
                new InputSpec("windows", List.of(sysmon.toAbsolutePath())));
        assertThat(reported).containsExactly("input " + zeek + ": zeek (Zeek TSV header)",
                "input " + sysmon + ": windows (Windows event JSON (Sysmon, CAPI2, Winlogbeat, Defender, EVTX JSON))");
    }

    @Test
    void anExplicitChannelWinsAndNothingIsSniffed() {
        List<String> reported = new ArrayList<>();

        List<InputSpec> specs = InputChannels.resolve(List.of("windows=" + RITA_CONN), reported::add);

        assertThat(specs).containsExactly(new InputSpec("windows", List.of(RITA_CONN.toAbsolutePath())));
        assertThat(reported).isEmpty();
    }

    @Test
    void aCompressedFileIsSniffedDecompressed() throws Exception {
        Path gz = dir.resolve("conn.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(RITA_CONN));
        }

        assertThat(InputChannels.resolve(List.of(gz.toString()), line -> { }))
                .singleElement().extracting(InputSpec::channel).isEqualTo("zeek");
    }

    @Test
    void aFileNoChannelRecognisesIsOneErrorNamingIt() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "# a comment\n\nmeeting notes, not telemetry\n");

        assertThatThrownBy(() -> InputChannels.resolve(List.of(dir.toString()), line -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--input " + notes + ": no channel recognises this file")
                .hasMessageEndingWith("name its channel: --input <channel>=" + notes);
    }
}
