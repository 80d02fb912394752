package org.t1573.engine;

import java.io.Serializable;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.util.OutputTag;

/**
 * One Flink CEP pattern hosted by a {@link KeyedNfaOperator}, compiled as {@code CEP.pattern}
 * compiles it: its NFA sees only the events it {@code wants} (exactly the stream a
 * {@code CEP.pattern} operator of its own would get), and its matches go through
 * {@code function} to {@code output}.
 *
 * @param name unique within the operator; names the NFA's state ({@code nfa-<name>})
 */
public record NfaSpec<IN, OUT>(String name, NFACompiler.NFAFactory<IN> nfa, AfterMatchSkipStrategy skip,
        FilterFunction<IN> wants, PatternProcessFunction<IN, OUT> function, OutputTag<OUT> output)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The spec of a pattern (which is not serializable: its compiled factory is). */
    public static <IN, OUT> NfaSpec<IN, OUT> of(String name, Pattern<IN, ?> pattern, FilterFunction<IN> wants,
            PatternProcessFunction<IN, OUT> function, OutputTag<OUT> output) {
        // false: no timeout handling, as CEP.pattern compiles a function without a timeout handler.
        return new NfaSpec<>(name, NFACompiler.compileFactory(pattern, false), pattern.getAfterMatchSkipStrategy(),
                wants, function, output);
    }
}
