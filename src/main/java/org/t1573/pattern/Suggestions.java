package org.t1573.pattern;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" hints for a misspelt name or value: the known words within two edits of it. */
final class Suggestions {
    private static final int MAX_EDITS = 2;
    /** Bounded: gives -1 beyond MAX_EDITS without computing the whole distance. */
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

    private Suggestions() {}

    /** The known words within two edits of the word, ignoring case, in sorted order. */
    static Set<String> close(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        Set<String> out = new TreeSet<>();
        for (String k : known) {
            if (DISTANCE.apply(k.toLowerCase(Locale.ROOT), w) >= 0) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code " (did you mean a or b?)"}, or empty when there is nothing to suggest. */
    static String didYouMean(Collection<String> candidates) {
        return candidates.isEmpty() ? "" : " (did you mean " + String.join(" or ", candidates) + "?)";
    }
}
