package org.t1573.ingest.linux;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/**
 * One audit record: {@code [node=H ]type=T msg=audit(SECONDS.MILLIS:SERIAL): fields}, as auditd
 * writes audit.log, or {@code type=T audit(...): fields} as the AUOMS plugin writes it. Fields
 * after a {@code 0x1d} separator (auditd's ENRICHED format: {@code UID="alice"}) join the others.
 */
record AuditRecord(String node, String type, String time, long serial, long timestamp, AuditKeyValueReader fields) {

    private static final Pattern HEADER = Pattern.compile(
            "^(?:node=(\\S+) )?type=(\\S+) (?:msg=)?audit\\((\\d+(?:\\.\\d+)?):(\\d+)\\):\\s?(.*)$", Pattern.DOTALL);

    static AuditRecord parse(String line, String source) throws MalformedRecordException {
        Matcher m = HEADER.matcher(line.strip());
        if (!m.matches()) {
            throw new MalformedRecordException(
                    source + ": not an audit record (expected 'type=... msg=audit(<time>:<serial>): ...')");
        }
        String body = m.group(5).replace('\u001d', ' ');
        AuditKeyValueReader fields = AuditKeyValueReader.parse(body);
        String node = m.group(1) != null ? m.group(1) : fields.text("node");
        long timestamp;
        try {
            timestamp = Timestamps.toEpochMillis(m.group(3));
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(source + ": audit time " + e.getMessage(), e);
        }
        return new AuditRecord(node, m.group(2), m.group(3), Long.parseLong(m.group(4)), timestamp, fields);
    }

    /** The id shared by the records of one event: node, time and serial. */
    String eventKey() {
        return (node == null ? "" : node + ':') + time + ':' + serial;
    }
}
