package org.t1573.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.t1573.pattern.ConditionNode;

/** The events the mapping names to describe or end a correlation's key, as a condition. */
final class SigmaCorrelationEvents {
    private SigmaCorrelationEvents() {}

    /** All of the mapping's {@code field: value} tests; null when it names none. */
    static ConditionNode of(Map<String, String> tests, int line) {
        if (tests.isEmpty()) {
            return null;
        }
        List<ConditionNode> all = new ArrayList<>();
        tests.forEach((field, value) -> all.add(ConditionNode.test(field, List.of(), List.of(value), line)));
        return ConditionNode.all(all, line);
    }
}
