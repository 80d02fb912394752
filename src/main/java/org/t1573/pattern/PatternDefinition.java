package org.t1573.pattern;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A pattern file as written: metadata, parameters and the not yet bound sequence, conditions and
 * summary. {@link PatternCompiler} binds it to parameter values.
 *
 * @param attackNames ATT&CK names by id ({@code attack-names}): the technique, its parent for a
 *     sub-technique, the tactic; what the ECS and OCSF alert formats print beside the ids
 * @param version the rule's version ({@code version}), null when the file gives none
 * @param groupBy fields whose values key the sequence (Sigma {@code group-by})
 * @param timespan the sequence's window, a duration or a {@code $Parameter}
 * @param endsOn events that end a key's life (a process exit): its alert window closes early
 * @param context events that describe a key without being a step (a process start): their host,
 *     user, process and parent fields fill the key's alerts; null when the pattern names none
 * @param aggregateOver the step whose events are the sessions that aggregates count
 * @param strongEvidence sessions of that step that are evidence enough alone (aggregate
 *     {@code connections.strong}); null when the pattern names none
 * @param condition when an alert fires, over aggregates; null means on the first complete match
 * @param suppressFor how long after an alert is created later windows of its key continue it
 *     (updates, no new alert): a duration or a {@code $Parameter}; null when the pattern names none
 */
public record PatternDefinition(
        String file,
        String id,
        String title,
        String status,
        String description,
        String technique,
        String tactic,
        String strategy,
        String platform,
        String severity,
        String confidence,
        List<Map<String, String>> logSources,
        List<String> falsePositives,
        List<String> references,
        Map<String, String> attackNames,
        String version,
        Map<String, ParameterSpec> parameters,
        List<String> groupBy,
        List<StepDefinition> sequence,
        String timespan,
        int timespanLine,
        ConditionNode endsOn,
        ConditionNode context,
        String aggregateOver,
        ConditionNode strongEvidence,
        ConditionNode condition,
        List<SummaryItem> summary,
        double scoreBase,
        List<ScoreRule> scoreRules,
        String suppressFor,
        int suppressForLine) implements Serializable {}
