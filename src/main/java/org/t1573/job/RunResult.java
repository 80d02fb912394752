package org.t1573.job;

import java.util.List;
import java.util.Map;

/**
 * What a bounded run produced: alert and dead-letter JSON lines in a stable order, and the
 * run's counters (records, events and dead letters per channel, clock skew).
 */
public record RunResult(List<String> alerts, List<String> deadLetters, Map<String, Long> counters) {}
