package org.t1573.job;

import java.nio.file.Path;

/** An {@code --input} value: {@code [channel=]path}; channel null when not given (then it is sniffed per file). */
record ChannelPath(String channel, Path path) {

    static ChannelPath parse(String input) {
        int eq = input.indexOf('=');
        return eq > 0 ? new ChannelPath(input.substring(0, eq), Path.of(input.substring(eq + 1)))
                : new ChannelPath(null, Path.of(input));
    }
}
