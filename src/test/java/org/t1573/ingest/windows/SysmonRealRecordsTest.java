package org.t1573.ingest.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.t1573.ingest.windows.SysmonSamples.COVENANT;
import static org.t1573.ingest.windows.SysmonSamples.EMPIRE_SCT;
import static org.t1573.ingest.windows.SysmonSamples.EMPIRE_VBS;
import static org.t1573.ingest.windows.SysmonSamples.LSASS;
import static org.t1573.ingest.windows.SysmonSamples.REG_METERPRETER;
import static org.t1573.ingest.windows.SysmonSamples.endsWith;
import static org.t1573.ingest.windows.SysmonSamples.eventId;
import static org.t1573.ingest.windows.SysmonSamples.firstLine;
import static org.t1573.ingest.windows.SysmonSamples.has;
import static org.t1573.ingest.windows.SysmonSamples.iso;
import static org.t1573.ingest.windows.SysmonSamples.parseOne;
import static org.t1573.ingest.windows.SysmonSamples.sysmonUtc;

import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

/** Field-by-field checks of the C2 records of each real capture, both Sysmon JSON variants. */
class SysmonRealRecordsTest {

    private final SysmonJsonParser parser = new SysmonJsonParser();

    // --- LSASS campaign (2022-2023 variant: TimeCreated, no RecordNumber) ---

    @Test
    void lsassPayloadConnectionToHandlerKeepsEveryNetworkField() throws Exception {
        String line = firstLine(LSASS, eventId(3).and(has("ProcessId", "1988")));
        Event e = parseOne(parser, line);

        assertThat(e.action).isEqualTo("network_connection");
        assertThat(e.category).isEqualTo("network");
        assertThat(e.code).isEqualTo("3");
        assertThat(e.dataset).isEqualTo("sysmon");
        assertThat(e.provider).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2023-08-10 14:39:59.419"));
        assertThat(e.created).isEqualTo(iso("2023-08-15T09:54:33.329Z"));
        assertThat(e.hostName).isEqualTo("MKT01.pandalab.com");
        assertThat(e.hostId).isNull();
        assertThat(e.userName).isEqualTo("PANDALAB\\pedro.gustavo");
        assertThat(e.processEntityId).isEqualTo("{81056205-5686-64dc-3b04-000000000800}");
        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.processExecutable).isEqualTo("C:\\Users\\stevie.marie\\Downloads\\winx64_payload.exe");
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.sourceIp).isEqualTo("192.168.1.41");
        assertThat(e.sourcePort).isEqualTo(51129);
        assertThat(e.destinationIp).isEqualTo("10.0.5.13");
        assertThat(e.destinationPort).isEqualTo(8080);
        assertThat(e.destinationDomain).as("DestinationHostname '-' is absent").isNull();
        assertThat(e.networkTransport).isEqualTo("tcp");
        assertThat(e.networkDirection).isEqualTo("outbound");
        assertThat(e.outcome).isEqualTo("success");
    }

    @Test
    void lsassRecordsWithoutRecordNumberGetAStableSixteenHexDigitId() throws Exception {
        String line = firstLine(LSASS, eventId(3).and(has("ProcessId", "1988")));

        String first = parseOne(parser, line).id;
        String again = parseOne(new SysmonJsonParser(), line).id;

        assertThat(first).matches("[0-9a-f]{16}").isEqualTo(again);
    }

    @Test
    void lsassPayloadLoadOfBcryptPrimitivesIsALibraryLoad() throws Exception {
        String line = firstLine(LSASS, eventId(7).and(has("ProcessId", "1988"))
                .and(endsWith("ImageLoaded", "bcryptprimitives.dll")));
        Event e = parseOne(parser, line);

        assertThat(e.action).isEqualTo("library_load");
        assertThat(e.category).isEqualTo("library");
        assertThat(e.code).isEqualTo("7");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2023-08-16 04:54:31.358"));
        assertThat(e.processEntityId).isEqualTo("{81056205-5686-64dc-3b04-000000000800}");
        assertThat(e.processPid).isEqualTo(1988L);
        assertThat(e.processName).isEqualTo("winx64_payload.exe");
        assertThat(e.dllName).isEqualTo("bcryptprimitives.dll");
        assertThat(e.dllPath).isEqualTo("C:\\Windows\\System32\\bcryptprimitives.dll");
        assertThat(e.dllSigned).isTrue();
        assertThat(e.dllSignatureStatus).isEqualTo("Valid");
        assertThat(e.processHashSha256).as("EID 7 Hashes are the DLL's, not the process's").isNull();
        assertThat(e.destinationIp).isNull();
    }

    @Test
    void lsassPayloadProcessCreateCarriesParentAndHash() throws Exception {
        String line = firstLine(LSASS, eventId(1).and(has("ProcessId", "1988")));
        Event e = parseOne(parser, line);

        assertThat(e.action).isEqualTo("process_start");
        assertThat(e.category).isEqualTo("process");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2023-08-16 04:54:30.987"));
        assertThat(e.processStart).isEqualTo(e.timestamp);
        assertThat(e.processCommandLine).isEqualTo("\"C:\\Users\\stevie.marie\\Downloads\\winx64_payload.exe\" ");
        assertThat(e.processHashSha256)
                .isEqualTo("E9196B871670AF6307902FC4CA09F7CF3C309AE54B28E10D052ED8741090F928");
        assertThat(e.parentEntityId).isEqualTo("{81056205-d124-64d4-6a00-000000000800}");
        assertThat(e.parentPid).isEqualTo(4544L);
        assertThat(e.parentExecutable).isEqualTo("C:\\Windows\\explorer.exe");
        assertThat(e.parentName).isEqualTo("explorer.exe");
    }

    @Test
    void lsassDnsQueryPutsQueryNameInDestinationDomain() throws Exception {
        String line = firstLine(LSASS, eventId(22).and(has("QueryName", "DC01.pandalab.com")));
        Event e = parseOne(parser, line);

        assertThat(e.action).isEqualTo("dns_query");
        assertThat(e.category).isEqualTo("network");
        assertThat(e.destinationDomain).isEqualTo("DC01.pandalab.com");
        assertThat(e.processName).isEqualTo("BackgroundTaskHost.exe");
    }

    // --- Covenant (NXLog/Logstash variant: RecordNumber, no ProcessId at all) ---

    @Test
    void covenantInstallUtilConnectionUsesHostScopedRecordNumberAndLogstashTime() throws Exception {
        String line = firstLine(COVENANT, eventId(3).and(endsWith("Image", "InstallUtil.exe")));
        Event e = parseOne(parser, line);

        assertThat(e.id).isEqualTo("WORKSTATION5.theshire.local:1819168");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2020-09-20 01:18:16.318"));
        assertThat(e.created).as("@timestamp, the collector's clock").isEqualTo(iso("2020-09-20T01:18:17.044Z"));
        assertThat(e.processEntityId).isEqualTo("{b34bc01c-add5-5f66-2210-000000000400}");
        assertThat(e.processPid).as("this capture has no ProcessId field").isNull();
        assertThat(e.processName).isEqualTo("InstallUtil.exe");
        assertThat(e.userName).isEqualTo("THESHIRE\\pgustavo");
        assertThat(e.sourceIp).isEqualTo("172.18.39.5");
        assertThat(e.sourcePort).isEqualTo(63102);
        assertThat(e.destinationIp).isEqualTo("10.10.10.5");
        assertThat(e.destinationPort).isEqualTo(80);
        assertThat(e.networkDirection).isEqualTo("outbound");
    }

    @Test
    void covenantImageLoadDoesNotTakeTheSysmonServiceAccountAsUser() throws Exception {
        String line = firstLine(COVENANT, eventId(7).and(endsWith("Image", "InstallUtil.exe"))
                .and(endsWith("ImageLoaded", "\\bcrypt.dll")));
        Event e = parseOne(parser, line);

        assertThat(e.id).isEqualTo("WORKSTATION5.theshire.local:1819070");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2020-09-20 01:18:14.334"));
        assertThat(e.dllName).isEqualTo("bcrypt.dll");
        assertThat(e.userName).as("AccountName SYSTEM is the logging account, not the process user").isNull();
    }

    @Test
    void covenantProcessCreateOfInstallUtilNamesCmdAsParent() throws Exception {
        String line = firstLine(COVENANT, eventId(1).and(endsWith("Image", "InstallUtil.exe")));
        Event e = parseOne(parser, line);

        assertThat(e.processCommandLine).contains("/u c:\\ProgramData\\GruntHTTP.dll");
        assertThat(e.parentPid).isEqualTo(3776L);
        assertThat(e.parentName).isEqualTo("cmd.exe");
        assertThat(e.processHashSha256)
                .isEqualTo("9E8EB9A066BCC4DCC56AED56B73688922B5F921901938D8C02817D5390543585");
    }

    // --- Empire launchers (NXLog variant) ---

    @Test
    void empireSctPowershellBeaconsToTheListener() throws Exception {
        String line = firstLine(EMPIRE_SCT, eventId(3).and(has("ProcessId", "9076")));
        Event e = parseOne(parser, line);

        assertThat(e.id).isEqualTo("WORKSTATION5.mordor.local:1771349");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2020-07-22 03:27:53.641"));
        assertThat(e.processEntityId).isEqualTo("{b59756a9-b239-5f17-5307-000000000400}");
        assertThat(e.processPid).isEqualTo(9076L);
        assertThat(e.processName).isEqualTo("powershell.exe");
        assertThat(e.destinationIp).isEqualTo("10.10.10.5");
        assertThat(e.destinationPort).isEqualTo(80);
        assertThat(e.userName).isEqualTo("MORDOR\\pgustavo");
    }

    @Test
    void empireSctPowershellLoadsRsaenh() throws Exception {
        String line = firstLine(EMPIRE_SCT, eventId(7).and(has("ProcessId", "9076"))
                .and(endsWith("ImageLoaded", "rsaenh.dll")));
        Event e = parseOne(parser, line);

        assertThat(e.timestamp).isEqualTo(sysmonUtc("2020-07-22 03:27:53.310"));
        assertThat(e.dllPath).isEqualTo("C:\\Windows\\System32\\rsaenh.dll");
        assertThat(e.processEntityId).isEqualTo("{b59756a9-b239-5f17-5307-000000000400}");
    }

    @Test
    void empireVbsPowershellConnectionAndItsWscriptParent() throws Exception {
        Event connection = parseOne(parser, firstLine(EMPIRE_VBS, eventId(3).and(has("ProcessId", "2316"))));
        Event start = parseOne(parser, firstLine(EMPIRE_VBS, eventId(1).and(has("ProcessId", "2316"))));

        assertThat(connection.timestamp).isEqualTo(sysmonUtc("2020-09-04 20:09:59.621"));
        assertThat(connection.destinationIp).isEqualTo("10.10.10.5");
        assertThat(connection.destinationPort).isEqualTo(80);
        assertThat(connection.sourcePort).isEqualTo(50699);
        assertThat(start.processEntityId).isEqualTo(connection.processEntityId)
                .isEqualTo("{860ba2e3-9f13-5f52-2703-000000000400}");
        assertThat(start.parentName).isEqualTo("wscript.exe");
        assertThat(start.parentPid).isEqualTo(2440L);
        assertThat(start.processCommandLine).startsWith("\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -noP -sta -w 1 -enc");
    }

    @Test
    void empireVbsUnsignedImageLoadReadsSignedFalse() throws Exception {
        Event e = parseOne(parser, firstLine(EMPIRE_VBS, eventId(7).and(has("Signed", "false"))));

        assertThat(e.dllSigned).isFalse();
        assertThat(e.dllSignatureStatus).isEqualTo("Unavailable");
    }

    @Test
    void empireVbsProcessEndIsAProcessEvent() throws Exception {
        Event e = parseOne(parser, firstLine(EMPIRE_VBS, eventId(5).and(has("ProcessId", "2440"))));

        assertThat(e.action).isEqualTo("process_end");
        assertThat(e.category).isEqualTo("process");
        assertThat(e.code).isEqualTo("5");
        assertThat(e.processName).isEqualTo("wscript.exe");
        assertThat(e.timestamp).isEqualTo(sysmonUtc("2020-09-04 20:09:55.788"));
        assertThat(e.id).isEqualTo("WORKSTATION5.theshire.local:251265");
    }

    // --- reg_meterpreter (2022 variant) ---

    @Test
    void meterpreterPayloadConnectsToHandlerOnTls8443() throws Exception {
        Event e = parseOne(parser, firstLine(REG_METERPRETER, eventId(3).and(has("ProcessId", "2376"))));

        assertThat(e.timestamp).isEqualTo(sysmonUtc("2022-08-18 22:46:34.698"));
        assertThat(e.created).isEqualTo(iso("2022-08-18T03:46:36.301Z"));
        assertThat(e.hostName).isEqualTo("pedro-computer");
        assertThat(e.processExecutable).isEqualTo("C:\\Users\\pedro\\Downloads\\payload.exe");
        assertThat(e.processName).isEqualTo("payload.exe");
        assertThat(e.processEntityId).isEqualTo("{564ff025-c14a-62fe-1f03-000000000700}");
        assertThat(e.userName).isEqualTo("PEDRO-COMPUTER\\pedro-admin");
        assertThat(e.sourceIp).isEqualTo("192.168.56.44");
        assertThat(e.destinationIp).isEqualTo("192.168.56.40");
        assertThat(e.destinationPort).isEqualTo(8443);
    }

    @Test
    void meterpreterPayloadLoadsCrypt32() throws Exception {
        Event e = parseOne(parser, firstLine(REG_METERPRETER, eventId(7).and(has("ProcessId", "2376"))
                .and(endsWith("ImageLoaded", "crypt32.dll"))));

        assertThat(e.timestamp).isEqualTo(sysmonUtc("2022-08-18 22:46:35.036"));
        assertThat(e.dllName).isEqualTo("crypt32.dll");
        assertThat(e.processPid).isEqualTo(2376L);
    }
}
