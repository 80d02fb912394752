package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.pattern.Aggregate;
import org.t1573.pattern.CompiledPattern;
import org.t1573.pattern.ParameterValues;
import org.t1573.pattern.PatternCompiler;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternLoader;

class ConnectionStatsTest {
    private static final long T0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();

    /** The seed pattern: BeaconLikely needs 5 connections and a mean interval in [30 s, 3600 s]. */
    private static CompiledPattern seed;

    @BeforeAll
    static void compileSeed() throws Exception {
        PatternDefinition def = PatternLoader.load(Path.of("patterns/windows/SEED-KQL-T1573.001.yml"));
        seed = PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
    }

    // --- fixtures

    private static Event session(String ip, long timestamp) {
        Event e = new Event();
        e.destinationIp = ip;
        e.destinationPort = 4444;
        e.timestamp = timestamp;
        return e;
    }

    private static Event session(long timestamp, Long bytesOut, Long bytesIn) {
        Event e = session("8.8.8.8", timestamp);
        e.bytesOut = bytesOut;
        e.bytesIn = bytesIn;
        return e;
    }

    private static Event sessionWithEntropy(long timestamp, double entropy) {
        Event e = session("8.8.8.8", timestamp);
        e.payloadEntropy = entropy;
        return e;
    }

    private static DestinationStats destination(Event... events) {
        DestinationStats d = new DestinationStats();
        for (Event e : events) {
            d.add(e);
        }
        return d;
    }

    /** Sessions to one destination at T0 plus the given offsets in seconds. */
    private static DestinationStats atSeconds(double... seconds) {
        List<Event> events = new ArrayList<>();
        for (double s : seconds) {
            events.add(session("8.8.8.8", T0 + Math.round(s * 1000)));
        }
        return destination(events.toArray(new Event[0]));
    }

    private static DestinationStats everySeconds(int count, int gapSeconds) {
        double[] at = new double[count];
        for (int i = 0; i < count; i++) {
            at[i] = (double) i * gapSeconds;
        }
        return atSeconds(at);
    }

    private static ConnectionStats stats(DestinationStats... destinations) {
        return new ConnectionStats(List.of(destinations), seed);
    }

    private static long at(String isoTime) {
        return Instant.parse(isoTime).toEpochMilli();
    }

    // --- counts and bytes

    @Test
    void countsConnectionsOverAllDestinations() {
        ConnectionStats s = stats(atSeconds(0, 10, 20), destination(session("9.9.9.9", T0)));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_COUNT)).isEqualTo(4L);
    }

    @Test
    void countsDestinations() {
        ConnectionStats s = stats(atSeconds(0, 10, 20), destination(session("9.9.9.9", T0)));

        assertThat(s.aggregate(Aggregate.DESTINATIONS_COUNT)).isEqualTo(2L);
    }

    @Test
    void sumsBytesOutInAndTotal() {
        ConnectionStats s = stats(destination(session(T0, 100L, 1_000L), session(T0 + 1, 50L, null)),
                destination(session(T0 + 2, null, 7L)));

        assertThat(List.of(s.aggregate(Aggregate.CONNECTIONS_BYTES_OUT), s.aggregate(Aggregate.CONNECTIONS_BYTES_IN),
                s.aggregate(Aggregate.CONNECTIONS_BYTES_TOTAL), s.aggregate(Aggregate.BYTES_OBSERVED)))
                .containsExactly(150L, 1_007L, 1_157L, true);
    }

    @Test
    void asymmetryRatioIsBytesOutOverBytesIn() {
        ConnectionStats s = stats(destination(session(T0, 3_000L, 1_000L), session(T0 + 1, 1_000L, 1_000L)));
        assertThat(s.aggregate(Aggregate.CONNECTIONS_ASYMMETRY_RATIO)).isEqualTo(2.0);
    }

    @Test
    void asymmetryRatioCountsNothingReceivedAsOneByte() {
        ConnectionStats s = stats(destination(session(T0, 500L, 0L)));
        assertThat(s.aggregate(Aggregate.CONNECTIONS_ASYMMETRY_RATIO)).isEqualTo(500.0);
    }

    @Test
    void leavesByteAggregatesOutWhenNoSourceReportedBytes() {
        ConnectionStats s = stats(atSeconds(0, 60));

        assertThat(List.of(String.valueOf(s.aggregate(Aggregate.BYTES_OBSERVED)),
                String.valueOf(s.aggregate(Aggregate.CONNECTIONS_BYTES_OUT)),
                String.valueOf(s.aggregate(Aggregate.CONNECTIONS_DATA_MB)))).containsExactly("false", "null", "null");
    }

    @Test
    void roundsDataMegabytesToTwoDecimals() {
        // 1,000,000 + 500,000 bytes = 1.430511... MiB
        ConnectionStats s = stats(destination(session(T0, 1_000_000L, 500_000L)));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_DATA_MB)).isEqualTo(1.43);
    }

    @Test
    void roundsDataMegabytesHalfUp() {
        // 1,557,136 bytes = 1.4850006... MiB
        ConnectionStats s = stats(destination(session(T0, 1_557_136L, 0L)));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_DATA_MB)).isEqualTo(1.49);
    }

    // --- time span

    @Test
    void firstAndLastAreTheExtremeTimestamps() {
        ConnectionStats s = stats(atSeconds(30, 0), atSeconds(90));

        assertThat(List.of(s.aggregate(Aggregate.CONNECTIONS_FIRST), s.aggregate(Aggregate.CONNECTIONS_LAST)))
                .containsExactly(T0, T0 + 90_000L);
    }

    @Test
    void durationSecondsIsExact() {
        assertThat(stats(atSeconds(0, 61.5)).aggregate(Aggregate.CONNECTIONS_DURATION_SECONDS)).isEqualTo(61.5);
    }

    @Test
    void durationMinutesCountsACrossedMinuteBoundaryLikeKqlDatetimeDiff() {
        ConnectionStats s = stats(destination(session("8.8.8.8", at("2024-05-01T10:00:59Z")),
                session("8.8.8.8", at("2024-05-01T10:01:00Z"))));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_DURATION_MINUTES)).isEqualTo(1L);
    }

    @Test
    void durationMinutesIsZeroWithinOneMinute() {
        ConnectionStats s = stats(destination(session("8.8.8.8", at("2024-05-01T10:00:00Z")),
                session("8.8.8.8", at("2024-05-01T10:00:59.999Z"))));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_DURATION_MINUTES)).isEqualTo(0L);
    }

    @Test
    void durationMinutesCountsBoundariesNotElapsedMinutes() {
        // 10:00:30 -> 10:02:10 is 100 s, but crosses two minute boundaries.
        ConnectionStats s = stats(destination(session("8.8.8.8", at("2024-05-01T10:00:30Z")),
                session("8.8.8.8", at("2024-05-01T10:02:10Z"))));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_DURATION_MINUTES)).isEqualTo(2L);
    }

    @Test
    void durationMinutesCountsBoundariesBeforeTheEpoch() {
        ConnectionStats s = stats(destination(session("8.8.8.8", -1_000L), session("8.8.8.8", 1_000L)));

        assertThat(s.aggregate(Aggregate.CONNECTIONS_DURATION_MINUTES)).isEqualTo(1L);
    }

    @Test
    void kqlAverageIntervalIsDurationMinutesTimesSixtyOverGaps() {
        // 3 sessions, 10:00:30 .. 10:02:10: DurationMinutes 2, so 2 * 60 / (3 - 1) = 60 s
        ConnectionStats s = stats(atSeconds(30, 40, 130));

        assertThat(s.aggregate(Aggregate.INTERVALS_KQL_AVG_SECONDS)).isEqualTo(60.0);
    }

    @Test
    void kqlAverageIntervalIsZeroForOneConnection() {
        assertThat(stats(atSeconds(0)).aggregate(Aggregate.INTERVALS_KQL_AVG_SECONDS)).isEqualTo(0.0);
    }

    // --- intervals: times 0, 10, 20, 60 s -> gaps 10, 10, 40

    @Test
    void meanIntervalIsSpanOverGaps() {
        assertThat(stats(atSeconds(0, 10, 20, 60)).aggregate(Aggregate.INTERVALS_MEAN_SECONDS)).isEqualTo(20.0);
    }

    @Test
    void medianIntervalOfAnOddNumberOfGaps() {
        assertThat(stats(atSeconds(0, 10, 20, 60)).aggregate(Aggregate.INTERVALS_MEDIAN_SECONDS)).isEqualTo(10.0);
    }

    @Test
    void medianIntervalOfAnEvenNumberOfGapsIsTheMeanOfTheMiddleTwo() {
        // gaps 10, 20, 30, 40
        assertThat(stats(atSeconds(0, 10, 30, 60, 100)).aggregate(Aggregate.INTERVALS_MEDIAN_SECONDS)).isEqualTo(25.0);
    }

    @Test
    void madIsTheMedianAbsoluteDeviationFromTheMedian() {
        // gaps 10, 20, 30, 40; median 25; deviations 15, 5, 5, 15; their median 10
        assertThat(stats(atSeconds(0, 10, 30, 60, 100)).aggregate(Aggregate.INTERVALS_MAD_SECONDS)).isEqualTo(10.0);
    }

    @Test
    void cvIsPopulationStandardDeviationOverMean() {
        // gaps 10, 10, 40; mean 20; variance (100 + 100 + 400) / 3 = 200; sd 14.142; cv 0.7071
        assertThat((Double) stats(atSeconds(0, 10, 20, 60)).aggregate(Aggregate.INTERVALS_CV))
                .isCloseTo(Math.sqrt(200) / 20, within(1e-12));
    }

    @Test
    void cvOfPerfectlyRegularIntervalsIsZero() {
        assertThat(stats(everySeconds(5, 60)).aggregate(Aggregate.INTERVALS_CV)).isEqualTo(0.0);
    }

    @Test
    void intervalsMergeTheSessionsOfEveryDestination() {
        // 0, 60 to one destination and 30, 90 to another: gaps 30, 30, 30
        ConnectionStats s = stats(atSeconds(0, 60), destination(session("9.9.9.9", T0 + 30_000),
                session("9.9.9.9", T0 + 90_000)));

        assertThat(s.aggregate(Aggregate.INTERVALS_MEDIAN_SECONDS)).isEqualTo(30.0);
    }

    @Test
    void aSingleConnectionHasNoIntervals() {
        assertThat(stats(atSeconds(0)).aggregate(Aggregate.INTERVALS_MEAN_SECONDS)).isNull();
    }

    // --- beacon rule

    @Test
    void fiveConnectionsSixtySecondsApartAreLikelyABeacon() {
        assertThat(stats(everySeconds(5, 60)).aggregate(Aggregate.BEACON_LIKELY)).isEqualTo(true);
    }

    @Test
    void fourConnectionsAreTooFewForABeacon() {
        assertThat(stats(everySeconds(4, 60)).aggregate(Aggregate.BEACON_LIKELY)).isEqualTo(false);
    }

    @Test
    void tenSecondsApartIsTooFastForABeacon() {
        assertThat(stats(everySeconds(5, 10)).aggregate(Aggregate.BEACON_LIKELY)).isEqualTo(false);
    }

    @Test
    void twoHoursApartIsTooSlowForABeacon() {
        assertThat(stats(everySeconds(5, 7200)).aggregate(Aggregate.BEACON_LIKELY)).isEqualTo(false);
    }

    @Test
    void theBeaconBoundsAreInclusive() {
        assertThat(List.of(stats(everySeconds(5, 30)).aggregate(Aggregate.BEACON_LIKELY),
                stats(everySeconds(5, 3600)).aggregate(Aggregate.BEACON_LIKELY))).containsExactly(true, true);
    }

    @Test
    void aSingleConnectionIsNotABeacon() {
        assertThat(stats(atSeconds(0)).aggregate(Aggregate.BEACON_LIKELY)).isEqualTo(false);
    }

    @Test
    void withoutAPatternTheBeaconRuleIsSkipped() {
        ConnectionStats s = new ConnectionStats(List.of(everySeconds(5, 60)), null);

        assertThat(s.aggregate(Aggregate.BEACON_LIKELY)).isNull();
    }

    // --- entropy

    @Test
    void entropyIsNotObservedWithoutPayloadEntropy() {
        ConnectionStats s = stats(atSeconds(0, 60));

        assertThat(List.of(String.valueOf(s.aggregate(Aggregate.ENTROPY_OBSERVED)),
                String.valueOf(s.aggregate(Aggregate.ENTROPY_MEAN)), String.valueOf(s.aggregate(Aggregate.ENTROPY_MAX))))
                .containsExactly("false", "null", "null");
    }

    @Test
    void entropyMeanCountsOnlySessionsThatReportedIt() {
        ConnectionStats s = stats(destination(sessionWithEntropy(T0, 7.0), sessionWithEntropy(T0 + 1, 8.0),
                session("8.8.8.8", T0 + 2)), destination(sessionWithEntropy(T0 + 3, 6.0)));

        assertThat(List.of(s.aggregate(Aggregate.ENTROPY_OBSERVED), s.aggregate(Aggregate.ENTROPY_MEAN)))
                .containsExactly(true, 7.0);
    }

    @Test
    void strongSessionsAreCountedForPatternsThatDeclareStrongEvidence() throws Exception {
        PatternDefinition def = PatternLoader.load(Path.of("patterns/network/AN0404.yml"));
        CompiledPattern an0404 = PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
        DestinationStats d = new DestinationStats();
        d.add(sessionWithEntropy(T0, 7.9), Double.NaN, true);
        d.add(sessionWithEntropy(T0 + 1000, 7.9), Double.NaN, false);

        assertThat(new ConnectionStats(List.of(d), an0404).aggregate(Aggregate.CONNECTIONS_STRONG)).isEqualTo(1L);
        assertThat(new ConnectionStats(List.of(d), seed).aggregate(Aggregate.CONNECTIONS_STRONG))
                .as("the seed query declares no strong evidence").isNull();
    }

    @Test
    void highEntropySessionsCountThoseAtOrAboveThePatternsEntropyThreshold() throws Exception {
        // AN0400's EntropyThreshold is 7.2: 7.2 and 7.9 count, 7.1 does not.
        PatternDefinition def = PatternLoader.load(Path.of("patterns/windows/AN0400.yml"));
        CompiledPattern an0400 = PatternCompiler.compile(def, ParameterValues.defaults(def.parameters()));
        double threshold = DestinationStats.highEntropyThreshold(an0400.parameters());
        DestinationStats d = new DestinationStats();
        for (double entropy : new double[] {7.1, 7.2, 7.9}) {
            d.add(sessionWithEntropy(T0 + Math.round(entropy * 1000), entropy), threshold, false);
        }

        assertThat(new ConnectionStats(List.of(d), an0400).aggregate(Aggregate.ENTROPY_HIGH_SESSIONS)).isEqualTo(2L);
        assertThat(new ConnectionStats(List.of(d), seed).aggregate(Aggregate.ENTROPY_HIGH_SESSIONS))
                .as("the seed query has no entropy threshold").isNull();
    }

    @Test
    void entropyMaxIsOverEveryDestination() {
        ConnectionStats s = stats(destination(sessionWithEntropy(T0, 7.0)), destination(sessionWithEntropy(T0, 7.9)));

        assertThat(s.aggregate(Aggregate.ENTROPY_MAX)).isEqualTo(7.9);
    }
}
