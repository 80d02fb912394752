package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.MalformedRecordException;

/**
 * Turns one Sysmon record, in any {@link SysmonLayout}, into an {@link Event}: process create (1),
 * network connect (3), process terminate (5), image load (7), create remote thread (8), process
 * access (10) and DNS query (22). Other event ids,
 * and events of other providers that reuse the same ids, give no event.
 */
final class SysmonEventMapper {

    static final String PROVIDER = "Microsoft-Windows-Sysmon";

    private SysmonEventMapper() {}

    static final String OTHER_PROVIDER = "record of a provider other than Sysmon";
    static final String UNUSED_CODE = "Sysmon event code no analytic uses";

    /** The event of the record, or null (reported to {@code ignored}) for an event no analytic uses. */
    static Event map(JsonNode root, String record, SysmonLayout layout, Consumer<String> ignored)
            throws MalformedRecordException {
        return map(root, record, layout, layout.eventData(root), ignored);
    }

    /** As {@link #map(JsonNode, String, SysmonLayout, Consumer)}, reading the EventData fields through {@code data}. */
    static Event map(JsonNode root, String record, SysmonLayout layout, FieldReader data, Consumer<String> ignored)
            throws MalformedRecordException {
        FieldReader envelope = layout.envelope(root);
        if (!isSysmon(envelope.firstText(layout.providerFields()))) {
            ignored.accept(OTHER_PROVIDER);
            return null;
        }
        int eventId = eventId(envelope, layout);
        EventAction kind = kindOf(eventId);
        if (kind == null) {
            ignored.accept(UNUSED_CODE);
            return null;
        }
        Event e = kind.newEvent();
        e.code = Integer.toString(eventId);
        e.dataset = layout.dataset();
        e.provider = PROVIDER;
        e.timestamp = eventTime(data, envelope, layout);
        e.created = envelope.firstTime(layout.createdFields());
        e.hostName = envelope.firstText(layout.hostFields());
        e.hostId = envelope.firstText(layout.hostIdFields());
        e.id = RecordIds.of(e.hostName, envelope.firstText(layout.recordIdFields()), record);
        // Not AccountName/Domain: in NXLog records those name the account Sysmon logs as (SYSTEM).
        e.userName = data.text("User");
        e.processEntityId = data.text("ProcessGuid");
        e.processPid = data.longValue("ProcessId");
        // Events 8 and 10 name the acting process SourceImage, the one acted on TargetImage.
        e.processExecutable = eventId == 8 || eventId == 10 ? data.text("SourceImage") : data.text("Image");
        e.processName = WindowsValueNormalizer.fileName(e.processExecutable);
        switch (eventId) {
            case 1 -> processCreate(e, data);
            case 3 -> networkConnect(e, data);
            case 7 -> imageLoad(e, data);
            case 8 -> remoteThread(e, data);
            case 10 -> processAccess(e, data);
            case 22 -> e.destinationDomain = data.text("QueryName");
            default -> { } // 5: process terminate has nothing beyond the common fields
        }
        return e;
    }

    /** Unknown provider counts as Sysmon: the flat exports of a Sysmon-only channel may omit it. */
    private static boolean isSysmon(String provider) {
        return provider == null || provider.toLowerCase(Locale.ROOT).contains("sysmon");
    }

    /** The record's event id; CAPI2 records share the envelope reading. */
    static int eventId(FieldReader envelope, SysmonLayout layout) throws MalformedRecordException {
        String text = envelope.firstText(layout.eventIdFields());
        if (text == null) {
            throw envelope.missing(layout.eventIdFields());
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException ex) {
            throw envelope.invalid(layout.eventIdFields()[0], text, "not an event id");
        }
    }

    private static EventAction kindOf(int eventId) {
        return switch (eventId) {
            case 1 -> EventAction.PROCESS_START;
            case 3 -> EventAction.NETWORK_CONNECTION;
            case 5 -> EventAction.PROCESS_END;
            case 7 -> EventAction.LIBRARY_LOAD;
            case 8 -> EventAction.REMOTE_THREAD;
            case 10 -> EventAction.PROCESS_ACCESS;
            case 22 -> EventAction.DNS_QUERY;
            default -> null;
        };
    }

    /** UtcTime is the sensor's clock; the shipper's @timestamp is only a fallback. */
    private static long eventTime(FieldReader data, FieldReader envelope, SysmonLayout layout)
            throws MalformedRecordException {
        Long time = data.time("UtcTime");
        if (time == null) {
            time = envelope.firstTime(layout.timestampFallbackFields());
        }
        if (time == null) {
            throw new MalformedRecordException(layout.source() + ": no event time: field "
                    + layout.dataPrefix() + "UtcTime and " + String.join(", ", layout.timestampFallbackFields())
                    + " are missing");
        }
        return time;
    }

    private static void processCreate(Event e, FieldReader data) throws MalformedRecordException {
        e.processCommandLine = data.text("CommandLine");
        e.processHashSha256 = WindowsValueNormalizer.sha256FromHashes(data.text("Hashes"));
        e.processStart = e.timestamp;
        e.parentEntityId = data.text("ParentProcessGuid");
        e.parentPid = data.longValue("ParentProcessId");
        e.parentExecutable = data.text("ParentImage");
        e.parentName = WindowsValueNormalizer.fileName(e.parentExecutable);
        e.parentCommandLine = data.text("ParentCommandLine");
        e.processWorkingDirectory = data.text("CurrentDirectory");
        e.processPeOriginalFileName = data.text("OriginalFileName");
        e.processPeDescription = data.text("Description");
        e.processPeProduct = data.text("Product");
        e.processPeCompany = data.text("Company");
        e.processPeFileVersion = data.text("FileVersion");
        e.winlogHashes = data.text("Hashes");
        e.winlogIntegrityLevel = data.text("IntegrityLevel");
        e.winlogLogonId = data.text("LogonId");
        e.winlogParentUser = data.text("ParentUser");
    }

    private static void remoteThread(Event e, FieldReader data) throws MalformedRecordException {
        sourceAndTarget(e, data, "SourceProcessGuid");
        e.winlogStartAddress = data.text("StartAddress");
        e.winlogStartModule = data.text("StartModule");
        e.winlogStartFunction = data.text("StartFunction");
    }

    private static void processAccess(Event e, FieldReader data) throws MalformedRecordException {
        // Sysmon spells the guid of event 10 SourceProcessGUID, of event 8 SourceProcessGuid.
        sourceAndTarget(e, data, "SourceProcessGUID");
        e.winlogGrantedAccess = data.text("GrantedAccess");
        e.winlogCallTrace = data.text("CallTrace");
    }

    /** Events 8 and 10 name the acting process Source*, the one acted on Target*. */
    private static void sourceAndTarget(Event e, FieldReader data, String guidField) throws MalformedRecordException {
        e.processEntityId = data.text(guidField);
        e.processPid = data.longValue("SourceProcessId");
        e.userName = data.text("SourceUser");
        e.winlogTargetImage = data.text("TargetImage");
        e.winlogTargetUser = data.text("TargetUser");
    }

    private static void networkConnect(Event e, FieldReader data) throws MalformedRecordException {
        e.sourceIp = data.text("SourceIp");
        e.sourcePort = data.port("SourcePort");
        e.destinationIp = data.text("DestinationIp");
        e.destinationPort = data.port("DestinationPort");
        e.destinationDomain = data.text("DestinationHostname");
        e.sourceDomain = data.text("SourceHostname");
        e.networkTransport = WindowsValueNormalizer.transport(data.text("Protocol"));
        Boolean initiated = data.bool("Initiated");
        e.networkDirection = initiated == null ? null : NetworkDirection.of(initiated).value();
        e.outcome = EventOutcome.SUCCESS.value();
    }

    private static void imageLoad(Event e, FieldReader data) throws MalformedRecordException {
        e.dllPath = data.text("ImageLoaded");
        e.dllName = WindowsValueNormalizer.fileName(e.dllPath);
        e.dllSigned = data.bool("Signed");
        e.dllSignatureStatus = data.text("SignatureStatus");
        e.dllSignatureSubject = data.text("Signature");
        e.dllPeOriginalFileName = data.text("OriginalFileName");
        e.dllPeDescription = data.text("Description");
        e.dllPeProduct = data.text("Product");
        e.dllPeCompany = data.text("Company");
        e.winlogHashes = data.text("Hashes");
    }
}
