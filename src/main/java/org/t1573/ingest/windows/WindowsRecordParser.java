package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "windows" channel: reads each record once, finds its {@link WindowsShape}
 * (flat Sysmon or CAPI2, Winlogbeat as shipped or renamed to ECS, Defender row, envelope or
 * batch, EVTX converted to JSON) and hands it to that shape's parser, so one topic or directory may mix all of them.
 */
public final class WindowsRecordParser implements RecordParser {
    private static final long serialVersionUID = 1L;

    private static final String SOURCE = "windows";

    private final SysmonJsonParser sysmon = new SysmonJsonParser();
    private final WinlogbeatSysmonParser winlogbeat = new WinlogbeatSysmonParser();
    private final EcsSysmonParser winlogbeatEcs = new EcsSysmonParser();
    private final DefenderParser defender = new DefenderParser();
    private final Capi2Parser capi2 = Capi2Parser.flat();
    private final Capi2Parser winlogbeatCapi2 = Capi2Parser.winlogbeat();
    private final EvtxJsonSysmonParser evtxJson = new EvtxJsonSysmonParser();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        JsonNode root = JsonRecords.readObject(record, SOURCE);
        WindowsShape shape = WindowsShape.of(root);
        if (shape == null) {
            throw new MalformedRecordException(
                    SOURCE + ": record matches no known shape (Sysmon, CAPI2, Winlogbeat, Defender, EVTX JSON)");
        }
        parserOf(shape).parse(root, record, out, ignored);
    }

    private JsonTreeParser parserOf(WindowsShape shape) {
        return switch (shape) {
            case SYSMON -> sysmon;
            case WINLOGBEAT -> winlogbeat;
            case WINLOGBEAT_ECS -> winlogbeatEcs;
            case DEFENDER -> defender;
            case CAPI2 -> capi2;
            case WINLOGBEAT_CAPI2 -> winlogbeatCapi2;
            case EVTX_JSON -> evtxJson;
        };
    }
}
