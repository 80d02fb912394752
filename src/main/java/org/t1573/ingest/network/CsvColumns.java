package org.t1573.ingest.network;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.t1573.ingest.MalformedRecordException;

/** The header of a comma-separated flow file; rows read by column name. Flow CSVs have no quoting. */
final class CsvColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;

    CsvColumns(String headerLine) {
        this.names = List.of(headerLine.strip().split(",", -1));
    }

    /** A row with fewer values than columns is malformed; extra trailing values are ignored. */
    NetworkFieldReader row(String line, String source) throws MalformedRecordException {
        String[] values = line.split(",", -1);
        if (values.length < names.size()) {
            throw new MalformedRecordException(source + ": row has " + values.length + " values but the header names "
                    + names.size() + " columns");
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), values[i]);
        }
        return new NetworkFieldReader(source, byName::get);
    }
}
