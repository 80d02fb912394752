package org.t1573.backtest;

import java.util.List;
import java.util.Map;

/**
 * One test case of a pattern: input records, parameter overrides, and the alerts expected from
 * the pattern (all of them: an alert no expectation matches fails the case).
 */
public record PatternTestCase(String name, List<Input> inputs, Map<String, String> overrides,
        List<ExpectedAlert> expected) {

    /**
     * Records of one channel: inline {@code lines}, or the lines of {@code file} (relative to the
     * working directory, the repository root) that contain {@code match} (all lines when null).
     */
    public record Input(String channel, List<String> lines, String file, String match) {}

    /**
     * Alerts expected: {@code count} final alerts of the analytic whose process (entity id or
     * pid@start) and host equal the given ones (when given) and whose summary has these values.
     */
    public record ExpectedAlert(String analytic, String host, String process, int count,
            Map<String, Object> summary) {}
}
