package org.t1573.pattern;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean" for a name or value that is not known: the known words closest to it by edit
 * distance (commons-text), ignoring case.
 */
public final class ClosestNames {
    /** Further than this many edits a name is a different name, not a typo. */
    private static final int MAX_EDITS = 3;
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

    private ClosestNames() {}

    /** Within this many edits a value is a typo of a vocabulary word (values are short). */
    private static final int MAX_VALUE_EDITS = 2;

    /** The known words within two edits of the word, ignoring case, in sorted order. */
    public static Set<String> within(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        Set<String> out = new TreeSet<>();
        for (String k : known) {
            int d = DISTANCE.apply(k.toLowerCase(Locale.ROOT), w);
            if (d >= 0 && d <= MAX_VALUE_EDITS) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code " (did you mean a or b?)"}, or empty when there is nothing to suggest. */
    public static String didYouMean(Collection<String> candidates) {
        return candidates.isEmpty() ? "" : " (did you mean " + String.join(" or ", candidates) + "?)";
    }

    /** {@code " (did you mean X?)"} with the closest known names, or "" when none is close. */
    public static String suggestion(String name, Collection<String> known) {
        TreeMap<Integer, TreeSet<String>> byDistance = new TreeMap<>();
        for (String k : known) {
            // Case is an edit nobody means: TIMEWINDOW is TimeWindow.
            int d = DISTANCE.apply(k.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d >= 0) {
                byDistance.computeIfAbsent(d, x -> new TreeSet<>()).add(k);
            }
        }
        return byDistance.isEmpty() ? "" : didYouMean(byDistance.firstEntry().getValue());
    }
}
