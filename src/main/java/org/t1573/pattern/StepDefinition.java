package org.t1573.pattern;

import java.io.Serializable;

/**
 * One step of a sequence: its name (the key of the CEP match map, named after what was observed,
 * e.g. {@code crypto_load}), what an event must satisfy ({@code where}) and the filters that
 * exclude it anyway ({@code unless}, any of them; null when there are none). An {@code absent}
 * step matches when no such event follows within the timespan (e.g. a flow with no TLS handshake).
 */
public record StepDefinition(String name, ConditionNode where, ConditionNode unless, boolean absent, int line)
        implements Serializable {}
