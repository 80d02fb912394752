package org.t1573.detect;

import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/** A CEP condition that tests the select stage's mark for one step: one bit of the group's mask. */
public class StepCondition extends SimpleCondition<Selected> {
    private static final long serialVersionUID = 1L;

    private final int bit;

    public StepCondition(int bitIndex) {
        this.bit = 1 << bitIndex;
    }

    @Override
    public boolean filter(Selected s) {
        return (s.steps & bit) != 0;
    }
}
