package org.t1573.detect;

import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/** A CEP condition that tests the select stage's mark for one step. */
public class StepCondition extends SimpleCondition<Selected> {
    private static final long serialVersionUID = 1L;

    private final int bit;

    public StepCondition(int step) {
        this.bit = 1 << step;
    }

    @Override
    public boolean filter(Selected s) {
        return (s.steps & bit) != 0;
    }
}
