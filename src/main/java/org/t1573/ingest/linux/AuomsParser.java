package org.t1573.ingest.linux;

import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * Azure Log Analytics Syslog rows written by AUOMS, the Azure auditd plugin (channel
 * {@code auoms}): {@code SyslogMessage} holds one whole event, {@code type=AUOMS_EXECVE
 * audit(time:serial): ...}, with the process already resolved (exe, comm, user names, cwd,
 * cmdline). A successful execve gives a process start; other AUOMS types give nothing.
 *
 * <p>AUOMS writes {@code cmdline} and {@code proctitle} unescaped: a command line may contain
 * quotes ({@code cmdline="bash -c "{echo,...}""}) and proctitle is bare text with spaces, so
 * both are cut out by position (each runs to the next of them or to {@code redactors=})
 * before the other fields are read.
 */
public class AuomsParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "auoms";
    static final String UNUSED_RECORD = "record other than a successful AUOMS_EXECVE";
    private static final String[] FREE_TEXT = {" cmdline=", " proctitle="};
    /** The fields a free-text value can run into: AUOMS writes redactors= after both. */
    private static final String[] FREE_TEXT_ENDS = {" redactors=", " cmdline=", " proctitle="};

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        FieldReader row = JsonFieldReader.parse(record, SOURCE);
        String message = row.required("SyslogMessage");
        String cmdline = freeText(message, " cmdline=");
        String proctitle = freeText(message, " proctitle=");
        AuditRecord r = AuditRecord.parse(withoutFreeText(message), SOURCE);
        if (!"AUOMS_EXECVE".equals(r.type()) || !"yes".equals(r.fields().raw("success"))) {
            ignored.accept(UNUSED_RECORD);
            return;
        }
        AuditKeyValueReader f = r.fields();
        Event e = LinuxEvents.newEvent(EventAction.PROCESS_START, SOURCE);
        e.provider = SOURCE;
        e.code = f.text("syscall");
        e.timestamp = r.timestamp();
        e.created = row.time("TimeGenerated");
        e.hostName = r.node() != null ? r.node() : row.text("Computer");
        e.hostIp = row.text("HostIP");
        e.id = r.eventKey();
        e.processPid = f.number("pid", SOURCE);
        e.parentPid = f.number("ppid", SOURCE);
        e.processExecutable = f.text("exe");
        e.processName = LinuxEvents.baseName(e.processExecutable);
        e.processCommandLine = cmdline != null ? cmdline : proctitle;
        e.userName = f.text("user");
        out.accept(e);
    }

    /** The value of a free-text field, one pair of outer quotes removed; null if absent or empty. */
    private static String freeText(String message, String field) {
        int start = message.indexOf(field);
        if (start < 0) {
            return null;
        }
        String value = message.substring(start + field.length(), freeTextEnd(message, start)).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
    }

    private static String withoutFreeText(String message) {
        String rest = message;
        for (String field : FREE_TEXT) {
            int start = rest.indexOf(field);
            if (start >= 0) {
                rest = rest.substring(0, start) + rest.substring(freeTextEnd(rest, start));
            }
        }
        return rest;
    }

    private static int freeTextEnd(String message, int start) {
        int end = message.length();
        for (String next : FREE_TEXT_ENDS) {
            int at = message.indexOf(next, start + 1);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end;
    }
}
