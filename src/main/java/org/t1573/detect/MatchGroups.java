package org.t1573.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.OutputTag;
import org.t1573.pattern.CompiledPattern;

/**
 * Which patterns share one keyed CEP operator: those with the same {@code group-by}, whose keys
 * are equal for every event, so an event is shuffled and queued once for all of them. The select
 * stage marks such an event once per group, each pattern's steps at its own offset in the mask
 * ({@link Group#offsets}); a group whose steps would overflow the 32 bits of a mask continues in
 * another group of the same group-by.
 */
final class MatchGroups implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final int MASK_BITS = Integer.SIZE;

    /**
     * Patterns ({@code patterns[j]}, an index into the loaded list) sharing one operator, the
     * offset of each one's steps in the group's mask, and the select output feeding the operator.
     *
     * @param uid the operator's uid, stable per group-by: {@code cep-<fields>} ({@code #n} for an overflow group)
     */
    record Group(String uid, int[] patterns, int[] offsets, OutputTag<Selected> output) implements Serializable {
        /** The steps of the group's {@code j}-th pattern, shifted into its place in the group's mask. */
        int mark(int j, int stepMask) {
            return stepMask << offsets[j];
        }
    }

    private final List<Group> groups;

    private MatchGroups(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    static MatchGroups of(List<CompiledPattern> patterns) {
        Map<List<String>, List<Integer>> byGroupBy = new LinkedHashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            byGroupBy.computeIfAbsent(patterns.get(i).definition().groupBy(), g -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        byGroupBy.forEach((groupBy, members) -> {
            String uid = "cep-" + String.join(",", groupBy);
            int chunk = 0;
            List<Integer> in = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            int bits = 0;
            for (int i : members) {
                int steps = patterns.get(i).stepCount();
                if (bits + steps > MASK_BITS) {
                    groups.add(group(uid, chunk++, in, offsets));
                    in.clear();
                    offsets.clear();
                    bits = 0;
                }
                in.add(i);
                offsets.add(bits);
                bits += steps;
            }
            groups.add(group(uid, chunk, in, offsets));
        });
        return new MatchGroups(groups);
    }

    private static Group group(String uid, int chunk, List<Integer> patterns, List<Integer> offsets) {
        String id = chunk == 0 ? uid : uid + "#" + chunk;
        return new Group(id, patterns.stream().mapToInt(Integer::intValue).toArray(),
                offsets.stream().mapToInt(Integer::intValue).toArray(), new OutputTag<>("steps-" + id) {});
    }

    List<Group> groups() {
        return groups;
    }
}
