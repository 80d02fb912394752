package org.t1573.backtest;

import java.io.PrintStream;

/** Prints an {@link AlertDiff} for people. */
public final class DiffTable {
    private DiffTable() {}

    public static void print(AlertDiff d, String nameA, String nameB, PrintStream out) {
        out.printf("Pattern diff: A = %s, B = %s%n", nameA, nameB);
        out.printf("  only in A: %d, only in B: %d, changed: %d, unchanged: %d%n", d.onlyA().size(), d.onlyB().size(),
                d.changed().size(), d.unchanged());
        d.onlyA().forEach(e -> out.printf("  only A   %s score %d %s%n", e.key(), e.score(), e.summary()));
        d.onlyB().forEach(e -> out.printf("  only B   %s score %d %s%n", e.key(), e.score(), e.summary()));
        for (AlertDiff.Change c : d.changed()) {
            out.printf("  changed  %s%n", c.key());
            c.fields().forEach(f -> out.printf("           %s: A=%s B=%s%n", f.field(), f.a(), f.b()));
        }
    }
}
