package org.t1573.event;

/** The {@code crypto.kind} values: which part of cryptography a crypto API event records. */
public enum CryptoKind implements FieldValue {
    SYMMETRIC,
    ASYMMETRIC,
    /** TLS work that is not clearly either part (a session set up by a TLS library). */
    TLS
}
