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
    // What a network sensor knew of the session (joined or its own): see Alert.NetworkEvidence.
    public String sessionId;
    public Long bytesOut;
    public Long bytesIn;
    public Double payloadEntropy;
    public String tlsVersion;
    public String serverName;
    public String certificateSubject;
    public String certificateIssuer;
    public Boolean certificateSelfIssued;
    public String ja3;
    public String processName;
    public Long processPid;

    public Evidence() {}
}
