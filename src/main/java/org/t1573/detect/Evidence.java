package org.t1573.detect;

/** Keyed state: one matched event, kept as the alert's evidence. */
public class Evidence {
    public String step;
    public String eventId;
    public long timestamp;
    public String dataset;
    public String action;
    public String dllName;
    public String destinationIp;
    public Integer destinationPort;

    public Evidence() {}
}
