package org.t1573.pattern;

import java.io.Serializable;

/** Points added to an alert's score when a condition over its aggregates holds. */
public record ScoreRule(ConditionNode when, double points, String reason, int line) implements Serializable {}
