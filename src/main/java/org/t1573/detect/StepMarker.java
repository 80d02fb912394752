package org.t1573.detect;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.util.OutputTag;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;

/**
 * Marks an event with the steps of each pattern it satisfies and hands it to the output of that
 * pattern's {@link MatchGroups group} (and, when it ends or describes a key, to the pattern's own
 * output): the work of the select stage, shared by the fixed and the live-parameter selectors.
 */
final class StepMarker implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where marked events go. */
    interface Sink {
        void emit(OutputTag<Selected> tag, Selected selected);
    }

    private final List<OutputTag<Selected>> outputs;
    private final MatchGroups groups;

    StepMarker(List<OutputTag<Selected>> outputs, MatchGroups groups) {
        this.outputs = List.copyOf(outputs);
        this.groups = groups;
    }

    /**
     * Emits the event once per group of patterns whose steps it satisfies (to the group's CEP
     * operator, marked with every member's steps) and once per pattern it ends or describes a key
     * of (to that pattern's alert window), all copies sharing one encoding of it; false if it
     * concerns no pattern.
     */
    boolean mark(Event e, List<CompiledPattern> patterns, Sink sink) {
        boolean any = false;
        EncodedEvent encoded = null;
        for (MatchGroups.Group g : groups.groups()) {
            int mask = 0;
            GroupKey key = null;
            for (int j = 0; j < g.patterns().length; j++) {
                int i = g.patterns()[j];
                CompiledPattern p = patterns.get(i);
                int steps = p.stepMask(e);
                boolean ends = p.endsKey(e);
                boolean context = p.describesKey(e);
                if (steps == 0 && !ends && !context) {
                    continue;
                }
                if (key == null) {
                    // The members' group-by fields are the same: so is their key.
                    String values = p.key(e);
                    if (values == null) {
                        break;
                    }
                    key = GroupKey.of(values);
                    encoded = encoded == null ? EncodedEvent.of(e) : encoded;
                }
                mask |= g.mark(j, steps);
                if (ends || context) {
                    sink.emit(outputs.get(i), new Selected(key, steps, ends, context, e, encoded));
                }
                any = true;
            }
            if (mask != 0) {
                sink.emit(g.output(), new Selected(key, mask, false, false, e, encoded));
            }
        }
        return any;
    }
}
