package org.t1573.job;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.t1573.ingest.Channels;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.PatternSet;

/**
 * Which patterns a run over files needs: those whose {@code platform} one of the input channels
 * carries. No analytic can alert on another platform's telemetry (its steps name that platform's
 * datasets, actions or library names); leaving the others out of the job spares their idle
 * operators (deploying a CEP and an alert-window task per pattern was over a second of every
 * Windows-only backtest). A pattern of a platform no channel names (a user's own kind) always runs.
 */
final class PlatformScope {
    private PlatformScope() {}

    /** The patterns the channels can feed. */
    static PatternSet of(PatternSet patterns, Collection<String> channels) {
        Set<String> read = platformsOf(channels);
        return patterns.filter(p -> runs(p, read));
    }

    /** Ids of the patterns left out for the channels, sorted. */
    static Set<String> skipped(PatternSet patterns, Collection<String> channels) {
        Set<String> read = platformsOf(channels);
        Set<String> ids = new TreeSet<>();
        patterns.patterns().stream().filter(p -> !runs(p, read)).forEach(p -> ids.add(p.id()));
        return ids;
    }

    private static boolean runs(CompiledPattern p, Set<String> read) {
        String platform = p.definition().platform();
        return !Channels.platforms().contains(platform) || read.contains(platform);
    }

    private static Set<String> platformsOf(Collection<String> channels) {
        Set<String> read = new TreeSet<>();
        channels.forEach(c -> read.add(Channels.platformOf(c)));
        return read;
    }
}
