package org.t1573.alert;

/**
 * The JSON shapes an alert can be written in ({@code --alert-format}): the job's own
 * {@code t1573-alert/1} (the default), Elastic Common Schema documents, or OCSF Detection
 * Findings (class 2004).
 */
public enum AlertFormat { NATIVE, ECS, OCSF }
