package org.t1573.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.t1573.ingest.ChannelSniffer;
import org.t1573.ingest.Channels;

/**
 * The {@code --input} values as inputs by channel. An explicit {@code channel=} holds for the whole
 * path; without one each file under the path is sniffed ({@link ChannelSniffer}), so a directory
 * may mix channels, and the choice is reported. A file no channel recognises is refused before
 * the job starts: read with a wrong parser it would be thousands of dead letters.
 */
final class InputChannels {
    private InputChannels() {}

    /**
     * @param report told each sniffed file's channel, as {@code input <file>: zeek (Zeek TSV header)}
     * @throws IllegalArgumentException for an unknown channel, a missing path or an unrecognised file
     */
    static List<InputSpec> resolve(List<String> inputs, Consumer<String> report) {
        Map<String, List<Path>> byChannel = new LinkedHashMap<>();
        for (String in : inputs) {
            ChannelPath cp = ChannelPath.parse(in);
            if (cp.channel() != null) {
                Channels.parserFor(cp.channel());
            }
            if (!cp.path().toFile().exists()) {
                throw new IllegalArgumentException("--input " + in + ": no such file or directory");
            }
            if (cp.channel() != null) {
                byChannel.computeIfAbsent(cp.channel(), k -> new ArrayList<>()).add(cp.path().toAbsolutePath());
                continue;
            }
            for (Path file : FileInputs.files(List.of(cp.path()))) {
                ChannelSniffer.Choice choice = sniff(file);
                report.accept("input " + file + ": " + choice);
                byChannel.computeIfAbsent(choice.channel(), k -> new ArrayList<>()).add(file.toAbsolutePath());
            }
        }
        List<InputSpec> specs = new ArrayList<>();
        byChannel.forEach((c, p) -> specs.add(new InputSpec(c, p)));
        return specs;
    }

    private static ChannelSniffer.Choice sniff(Path file) {
        try {
            ChannelSniffer.Choice choice = ChannelSniffer.sniff(file);
            if (choice == null) {
                throw new IllegalArgumentException("--input " + file + ": no channel recognises this file (its first "
                        + ChannelSniffer.HEAD_BYTES + " bytes match none of " + Channels.names()
                        + "); name its channel: --input <channel>=" + file);
            }
            return choice;
        } catch (IOException e) {
            throw new UncheckedIOException("--input " + file + ": cannot read", e);
        }
    }
}
