package org.t1573.ingest.network;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable event ids for network records: {@code <dataset>:<sensor id>} where the sensor names
 * the session (Zeek uid, Suricata flow_id), otherwise a name-based UUID of the record text, so
 * replaying a record gives it the same id. Putting the dataset first also orders a Zeek conn
 * record before the ssl record of the same uid and timestamp ("zeek.conn" < "zeek.ssl"), which
 * the CEP comparator uses for ties.
 */
final class NetworkIds {

    private NetworkIds() {}

    static String of(String dataset, String sensorId, String record) {
        if (sensorId != null) {
            return dataset + ':' + sensorId;
        }
        return dataset + ':' + UUID.nameUUIDFromBytes(record.strip().getBytes(StandardCharsets.UTF_8));
    }
}
