package org.t1573.backtest;

/** What an alert is, measured against the labels. */
public enum Verdict {
    /** On a malicious row that lists the analytic. */
    TP,
    /** On a benign row that lists the analytic: a documented false positive of that analytic. */
    FP_EXPECTED,
    /** On a row that does not list the analytic, or on no row at all. */
    FP
}
