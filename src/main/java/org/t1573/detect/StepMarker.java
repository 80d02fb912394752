package org.t1573.detect;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.util.OutputTag;
import org.t1573.event.Event;
import org.t1573.pattern.CompiledPattern;

/**
 * Marks an event with the steps of each pattern it satisfies and hands it to that pattern's
 * output: the work of the select stage, shared by the fixed and the live-parameter selectors.
 */
final class StepMarker implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where marked events go. */
    interface Sink {
        void emit(OutputTag<Selected> tag, Selected selected);
    }

    private final List<OutputTag<Selected>> outputs;

    StepMarker(List<OutputTag<Selected>> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    /**
     * Emits the event for every pattern it concerns, all copies sharing one encoding of it;
     * false if it concerns none.
     */
    boolean mark(Event e, List<CompiledPattern> patterns, Sink sink) {
        boolean any = false;
        EncodedEvent encoded = null;
        for (int i = 0; i < patterns.size(); i++) {
            CompiledPattern p = patterns.get(i);
            int mask = p.stepMask(e);
            boolean ends = p.endsKey(e);
            boolean context = p.describesKey(e);
            if (mask == 0 && !ends && !context) {
                continue;
            }
            String key = p.key(e);
            if (key != null) {
                encoded = encoded == null ? EncodedEvent.of(e) : encoded;
                sink.emit(outputs.get(i), new Selected(GroupKey.of(key), mask, ends, context, e, encoded));
                any = true;
            }
        }
        return any;
    }
}
