package org.t1573.detect;

import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.t1573.pattern.CompiledPattern;

/**
 * Builds the Flink CEP {@link Pattern} of a compiled pattern file: its steps in order with
 * relaxed, non-deterministic contiguity (Sigma's {@code temporal_ordered}: every later event that
 * satisfies the next step extends the match, so each session after a load is seen), within the
 * pattern's timespan. An absent step becomes {@code notFollowedBy}: the match is emitted when the
 * timespan passes without such an event.
 */
public final class CepPatterns {
    private CepPatterns() {}

    /** The pattern over marks where its step {@code i} is bit {@code offset + i} ({@link MatchGroups}). */
    public static Pattern<Selected, Selected> of(CompiledPattern p, int offset) {
        Pattern<Selected, Selected> cep = Pattern.<Selected>begin(p.stepName(0), AfterMatchSkipStrategy.noSkip())
                .where(new StepCondition(offset));
        for (int i = 1; i < p.stepCount(); i++) {
            StepCondition step = new StepCondition(offset + i);
            cep = p.stepAbsent(i)
                    ? cep.notFollowedBy(p.stepName(i)).where(step)
                    : cep.followedByAny(p.stepName(i)).where(step);
        }
        return p.window() == null ? cep : cep.within(p.window());
    }
}
