package org.t1573.ingest.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.t1573.ingest.FieldReader;
import org.t1573.ingest.JsonFieldReader;

/**
 * Where a Sysmon shipping format keeps each thing: the EventData fields (UtcTime, Image, ...)
 * under {@code dataPrefix}, and the envelope (event id, provider, host, record number, collector
 * times) under the listed names, first present wins. One layout per format lets the flat JSON and
 * the Winlogbeat parser share {@link SysmonEventMapper}. The CAPI2 parsers reuse the same envelope
 * description ({@link Capi2Parser}), since Windows shippers write every channel's envelope alike.
 *
 * @param source error-message prefix, e.g. "sysmon"
 * @param dataset the {@code event.dataset} of the events
 * @param dotted whether names may be nested or dotted (Winlogbeat) rather than top-level keys
 * @param dataPrefix prefix of the EventData field names, "" when they sit at the top level
 * @param eventIdFields the event id
 * @param providerFields the provider or channel, to skip other providers' events with the same ids
 * @param recordIdFields the event log record number
 * @param hostFields the computer name
 * @param hostIdFields a host identifier, if the shipper adds one
 * @param createdFields collector-side times, for {@code event.created}
 * @param timestampFallbackFields the event time when UtcTime is missing
 */
record SysmonLayout(
        String source,
        String dataset,
        boolean dotted,
        String dataPrefix,
        String[] eventIdFields,
        String[] providerFields,
        String[] recordIdFields,
        String[] hostFields,
        String[] hostIdFields,
        String[] createdFields,
        String[] timestampFallbackFields) {

    /** Reader of the envelope fields. */
    FieldReader envelope(JsonNode root) {
        return dotted ? under(root, "") : JsonFieldReader.flat(source, root);
    }

    /** Reader of the EventData fields, by their Sysmon names. */
    FieldReader eventData(JsonNode root) {
        return dotted ? under(root, dataPrefix) : JsonFieldReader.flat(source, root);
    }

    /** Names under {@code prefix}, nested or dotted; prefix "" reads dotted names from the root. */
    private FieldReader under(JsonNode root, String prefix) {
        UnaryOperator<String> fullName = name -> prefix + name;
        return JsonFieldReader.of(source, name -> DottedPath.find(root, fullName.apply(name)), fullName);
    }
}
