package org.t1573.backtest;

import java.io.PrintStream;

/** Prints a {@link Scorecard} for people: the per-analytic table, then every alert and miss. */
public final class ScoreTable {
    private ScoreTable() {}

    public static void print(Scorecard card, PrintStream out) {
        out.println("Scoring against labels");
        out.printf("  %-22s %5s %5s %12s %5s %9s %7s%n", "analytic", "TP", "FP", "(documented)", "FN", "precision",
                "recall");
        for (Scorecard.AnalyticScore s : card.analytics()) {
            out.printf("  %-22s %5d %5d %12d %5d %9s %7s%n", s.analytic(), s.tp(), s.fp(), s.fpExpected(), s.fn(),
                    Reports.percent(s.precision()), Reports.percent(s.recall()));
        }
        out.println("  alerts:");
        for (Scorecard.ScoredAlert a : card.alerts()) {
            out.printf("    %-11s %-22s %s %s %s -> %s (%s)%n", a.verdict(), a.analytic(), a.firstSeen(), a.host(),
                    a.process(), a.labelLine() == null ? "no label" : "line " + a.labelLine() + " " + a.scenario(),
                    a.reason());
        }
        if (!card.misses().isEmpty()) {
            out.println("  misses:");
            for (Scorecard.Miss m : card.misses()) {
                out.printf("    FN          %-22s line %d %s %s %s %s%n", m.analytic(), m.labelLine(), m.scenario(),
                        m.host(), m.process(), m.destination());
            }
        }
    }
}
