package org.t1573.alert;

import java.util.List;
import java.util.Locale;

/**
 * A pattern's severity and confidence words as the numbers ECS and OCSF use: severity
 * informational..critical is 1..5 (OCSF severity_id; ECS event.severity), confidence
 * low..high is 1..3 (OCSF confidence_id).
 */
final class Levels {
    private static final List<String> SEVERITIES = List.of("informational", "low", "medium", "high", "critical");
    private static final List<String> CONFIDENCES = List.of("low", "medium", "high");

    private Levels() {}

    /** 1..5, or 0 (unknown) for a word the pattern loader would have refused. */
    static int severity(String word) {
        return SEVERITIES.indexOf(lower(word)) + 1;
    }

    /** 1..3, or 0 (unknown). */
    static int confidence(String word) {
        return CONFIDENCES.indexOf(lower(word)) + 1;
    }

    /** The word with a capital first letter, as OCSF captions are written (High, Medium). */
    static String caption(String word) {
        return word == null || word.isEmpty() ? null
                : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String lower(String word) {
        return word == null ? "" : word.toLowerCase(Locale.ROOT);
    }
}
