package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;
import org.t1573.event.EventAction;

/**
 * The EVTX-to-JSON shape on SigmaHQ's own regression events (../shared/data/sigma): real records
 * of Sysmon 1 and 10, as the converter wrote them, read by the windows channel.
 */
class EvtxJsonSysmonParserTest {
    private static final Path WINDOWS = Path.of("..", "shared", "data", "sigma", "sigmahq", "regression_data", "rules",
            "windows");

    @Test
    void aProcessCreationCarriesTheFieldsSigmaRulesTest() throws Exception {
        Event e = parse(WINDOWS.resolve("process_creation/proc_creation_win_amsi_registry_tampering/"
                + "7dbbcac2-57a0-45ac-b306-ff30a8bd2981.json"));
        assertThat(e).extracting("action", "hostName", "id", "processExecutable", "processPeOriginalFileName",
                "processPeDescription", "processWorkingDirectory", "winlogIntegrityLevel")
                .containsExactly("process_start", "swachchhanda", "swachchhanda:16094", "C:\\Windows\\System32\\reg.exe",
                        "reg.exe", "Registry Console Tool", "C:\\WINDOWS\\system32\\", "High");
        assertThat(e.parentCommandLine).contains("powershell.exe");
        assertThat(e.winlogHashes).contains("IMPHASH=A26BCB048DF34CBB422F2656F38634D0");
        assertThat(e.processHashSha256).startsWith("E295E776");
    }

    @Test
    void aProcessAccessNamesItsSourceAsTheProcessAndCarriesTarget() throws Exception {
        Event e = parse(WINDOWS.resolve("process_access/proc_access_win_werfaultsecure_msmpeng_access/"
                + "387df17d-3b04-448f-8669-9e7fd5e5fd8c.json"));
        assertThat(e).extracting("action", "processExecutable", "processName", "processEntityId", "winlogGrantedAccess")
                .containsExactly(EventAction.PROCESS_ACCESS.value(), "C:\\Windows\\System32\\WerFaultSecure.exe",
                        "WerFaultSecure.exe", "0197231E-FC2D-6927-810B-000000000D00", "0x1fffff");
        assertThat(e.winlogTargetImage).endsWith("\\MsMpEng.exe");
        assertThat(e.winlogCallTrace).contains("dbgcore.DLL");
    }

    @Test
    void theShapeIsTold() throws Exception {
        assertThat(WindowsShape.of(new ObjectMapper().readTree("{\"Event\": {\"System\": {}}}")))
                .isEqualTo(WindowsShape.EVTX_JSON);
    }

    /** The file's one record as one line, as the channel reads it. */
    private static Event parse(Path file) throws Exception {
        String line = new ObjectMapper().readTree(file.toFile()).toString();
        List<Event> out = new ArrayList<>();
        new WindowsRecordParser().parse(line, out::add, reason -> { });
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
