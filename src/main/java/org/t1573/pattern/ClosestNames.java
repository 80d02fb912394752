package org.t1573.pattern;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for a name that is not known: the known names closest to it by edit distance. */
public final class ClosestNames {
    /** Further than this many edits a name is a different name, not a typo. */
    private static final int MAX_EDITS = 3;
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

    private ClosestNames() {}

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
        return byDistance.isEmpty() ? "" : " (did you mean " + String.join(" or ", byDistance.firstEntry().getValue()) + "?)";
    }
}
