package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * Turns one CAPI2 record into a {@code certificate} event: 11 (CertGetCertificateChain) gives the
 * chain's trust errors, 30 (CertVerifyCertificateChainPolicy) the policy result. Both name the
 * calling process (the event's execution pid, and {@code ProcessName} of EventAuxInfo) and the
 * end certificate's subject; {@code tls.validation_status} is "ok" or the errors in words
 * ({@link CertTrustStatus}), and the outcome says which. Other CAPI2 events give no event.
 *
 * <p>CAPI2 has no process GUID: analytics join these events to Sysmon by host and pid.
 */
final class Capi2EventMapper {

    static final String PROVIDER = "Microsoft-Windows-CAPI2";

    private static final int BUILD_CHAIN = 11;
    private static final int VERIFY_CHAIN_POLICY = 30;

    /** The execution pid in each envelope; CAPI2 logs in the calling process, so it is that process. */
    private static final String[] PID_FIELDS = {"ExecutionProcessID", "ProcessID", "ProcessId", "winlog.process.pid"};

    private Capi2EventMapper() {}

    /** The event of the record, or null for a CAPI2 event no analytic uses. */
    static Event map(JsonNode root, String record, SysmonLayout layout) throws MalformedRecordException {
        FieldReader envelope = layout.envelope(root);
        int eventId = SysmonEventMapper.eventId(envelope, layout);
        if (eventId != BUILD_CHAIN && eventId != VERIFY_CHAIN_POLICY) {
            return null;
        }
        FieldReader data = layout.eventData(root);
        Event e = EventAction.CERTIFICATE.newEvent();
        e.code = Integer.toString(eventId);
        e.dataset = layout.dataset();
        e.provider = PROVIDER;
        e.timestamp = eventTime(envelope, layout);
        e.created = envelope.firstTime(layout.createdFields());
        e.hostName = envelope.firstText(layout.hostFields());
        e.hostId = envelope.firstText(layout.hostIdFields());
        e.id = RecordIds.of(e.hostName, envelope.firstText(layout.recordIdFields()), record);
        e.processPid = pid(envelope);
        String image = data.firstText("ImageName", "ProcessName");
        e.processName = WindowsValueNormalizer.fileName(image);
        e.processExecutable = image != null && image.indexOf('\\') >= 0 ? image : null;
        e.x509Subject = data.firstText("subjectName", "SubjectName");
        e.x509Issuer = data.firstText("issuerName", "IssuerName");
        e.tlsServerName = data.firstText("serverName", "ServerName");
        String status = eventId == BUILD_CHAIN ? chainStatus(data) : policyStatus(data);
        e.tlsValidationStatus = status == null ? CertTrustStatus.OK : status;
        e.outcome = EventOutcome.of(status == null).value();
        return e;
    }

    /** Chain errors from TrustStatus/ErrorStatus; the Result, if any, when the flattener dropped them. */
    private static String chainStatus(FieldReader data) throws MalformedRecordException {
        String errors = data.firstText("ErrorStatus", "TrustStatus");
        if (errors != null) {
            try {
                return CertTrustStatus.ofChainErrors(errors);
            } catch (IllegalArgumentException ex) {
                throw data.invalid("ErrorStatus", errors, ex.getMessage());
            }
        }
        return policyStatus(data);
    }

    private static String policyStatus(FieldReader data) throws MalformedRecordException {
        String result = data.firstText("Result", "ResultValue");
        if (result == null) {
            return null;
        }
        try {
            return CertTrustStatus.ofResult(result);
        } catch (IllegalArgumentException ex) {
            throw data.invalid("Result", result, ex.getMessage());
        }
    }

    private static Long pid(FieldReader envelope) throws MalformedRecordException {
        for (String field : PID_FIELDS) {
            Long pid = envelope.longValue(field);
            if (pid != null) {
                return pid;
            }
        }
        return null;
    }

    private static long eventTime(FieldReader envelope, SysmonLayout layout) throws MalformedRecordException {
        Long time = envelope.firstTime(layout.timestampFallbackFields());
        if (time == null) {
            throw envelope.missing(layout.timestampFallbackFields());
        }
        return time;
    }
}
