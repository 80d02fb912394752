package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

class CertificateJoinTest {
    private static final long T0 = 1_692_161_674_667L;
    private static final String FINGERPRINT = "b765518127e58d334a3596a6572a09fa727d59c86214c4eb8f499a141ac15579";
    private static final String SUBJECT = "CN=prosacco.sons.com,OU=quantify,O=Prosacco and Sons,ST=MA,C=US";

    private KeyedOneInputStreamOperatorTestHarness<String, Event, Event> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new HeldWatermarkOperator<>(new CertificateJoin(), CertificateJoin.WAIT_MILLIS),
                e -> e.certificateId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aHandshakeGetsItsCertificateWhicheverArrivesFirstAndLaterHandshakesReuseIt() throws Exception {
        add(handshake(T0));
        add(certificate(T0));
        add(handshake(T0 + 11_000));
        harness.processWatermark(new Watermark(T0 + 11_000 + CertificateJoin.WAIT_MILLIS));

        List<Event> handshakes = harness.extractOutputValues().stream()
                .filter(e -> e.action.equals("tls_handshake")).toList();
        assertThat(handshakes).hasSize(2).allSatisfy(h -> {
            assertThat(h.x509Subject).isEqualTo(SUBJECT);
            assertThat(h.x509SelfIssued).isTrue();
            assertThat(h.x509NotAfter).isEqualTo(1_926_071_370_000L);
        });
    }

    @Test
    void aHandshakeWithoutACertificateRecordIsReleasedUnchangedAfterTheWait() throws Exception {
        add(handshake(T0));
        harness.processWatermark(new Watermark(T0 + CertificateJoin.WAIT_MILLIS - 1));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(new Watermark(T0 + CertificateJoin.WAIT_MILLIS));
        assertThat(harness.extractOutputValues()).singleElement().satisfies(h -> assertThat(h.x509Subject).isNull());
    }

    private void add(Event e) throws Exception {
        harness.processElement(e, e.timestamp);
    }

    private static Event record(String action, long t) {
        Event e = new Event();
        e.timestamp = t;
        e.id = action + t;
        e.action = action;
        e.certificateId = FINGERPRINT;
        return e;
    }

    private static Event handshake(long t) {
        return record("tls_handshake", t);
    }

    private static Event certificate(long t) {
        Event e = record("certificate", t);
        e.x509Subject = SUBJECT;
        e.x509Issuer = SUBJECT;
        e.x509SelfIssued = true;
        e.x509NotBefore = 1_642_247_370_000L;
        e.x509NotAfter = 1_926_071_370_000L;
        return e;
    }
}
