package org.t1573.job;

import java.nio.file.Path;

/** An {@code --input} value: {@code [channel=]path}, channel {@code windows} when not given. */
record ChannelPath(String channel, Path path) {

    static ChannelPath parse(String input) {
        int eq = input.indexOf('=');
        return eq > 0 ? new ChannelPath(input.substring(0, eq), Path.of(input.substring(eq + 1)))
                : new ChannelPath("windows", Path.of(input));
    }
}
