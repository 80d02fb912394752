package org.t1573.job;

import java.util.ArrayList;
import java.util.List;
import org.t1573.ingest.Channels;

/** The help section that lists every channel an input or topic may name, and what it reads. */
final class ChannelHelp {
    /** picocli's usage width: longer footer lines would wrap without the indent. */
    private static final int WIDTH = 80;
    private static final String INDENT = " ".repeat(16);

    private ChannelHelp() {}

    /** Footer lines of the commands that take {@code channel=} arguments. */
    static String[] footer() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Channels (--input channel=PATH, --topic channel=TOPIC):");
        for (String channel : Channels.names()) {
            wrap(String.format("  %-13s %s (%s patterns)", channel, Channels.describe(channel),
                    Channels.platformOf(channel)), lines);
        }
        return lines.toArray(String[]::new);
    }

    /** Adds {@code text} as lines of at most {@link #WIDTH} characters, continued under the description. */
    private static void wrap(String text, List<String> lines) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" (?=\\S)")) {
            if (line.length() > 0 && line.length() + 1 + word.strip().length() > WIDTH - 1) {
                lines.add(line.toString());
                line = new StringBuilder(INDENT);
                word = word.strip();
            } else if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }
}
