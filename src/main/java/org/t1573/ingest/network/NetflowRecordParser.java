package org.t1573.ingest.network;

import java.util.function.Consumer;
import org.t1573.event.Event;
import org.t1573.ingest.JsonRecords;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.RecordParser;

/**
 * The parser of the "netflow" channel: goflow2 JSON lines, and three text exports told apart by
 * their header line, which sets the format of the rows that follow it in its file: {@code nfdump
 * -o csv} ({@code ts,te,...}), nfdump's default line output ({@code Date flow start ...}) and
 * Argus {@code .binetflow} CSV ({@code StartTime,...}). Blank lines, headers, nfdump's closing
 * summary ({@link NfdumpSummary}) and Argus's non-IP flows are ignored records, each with its
 * reason; every other line is a flow or a dead letter.
 */
public final class NetflowRecordParser implements RecordParser {
    private static final long serialVersionUID = 1L;


    /** The text export whose header was read last. */
    private enum Format { NFDUMP_CSV, NFDUMP_LINE, ARGUS }

    private Format format;
    private CsvColumns columns;
    private final NfdumpSummary summary = new NfdumpSummary();

    @Override
    public void parse(String record, Consumer<Event> out, Consumer<String> ignored) throws MalformedRecordException {
        String line = record.strip();
        if (line.isEmpty()) {
            ignored.accept(BLANK_LINE);
        } else if (line.startsWith("{")) {
            out.accept(Goflow2Mapper.map(JsonRecords.readObject(line, "goflow2"), line));
        } else if (summary.accepts(line)) {
            ignored.accept(NfdumpSummary.REASON);
        } else if (readHeader(line)) {
            ignored.accept(HEADER_LINE);
        } else {
            Event e = row(line);
            if (e != null) {
                out.accept(e);
            } else {
                ignored.accept(ArgusMapper.NON_IP_FLOW);
            }
        }
    }

    /** The next file has headers of its own; rows before them must not be read with this one's. */
    @Override
    public void endOfInput(Consumer<Event> out, Consumer<String> ignored) {
        format = null;
        columns = null;
        summary.reset();
    }

    /** True if the line is a header, which sets the format. */
    private boolean readHeader(String line) {
        if (line.startsWith("ts,te,")) {
            format = Format.NFDUMP_CSV;
        } else if (line.startsWith("StartTime,")) {
            format = Format.ARGUS;
        } else if (line.startsWith("Date flow start")) {
            format = Format.NFDUMP_LINE;
        } else {
            return false;
        }
        columns = format == Format.NFDUMP_LINE ? null : new CsvColumns(line);
        return true;
    }

    /** The flow of a row, or null for an Argus non-IP flow. */
    private Event row(String line) throws MalformedRecordException {
        if (format == null) {
            throw new MalformedRecordException("netflow: row before any header (ts,te,... / StartTime,... / "
                    + "Date flow start ...) and not goflow2 JSON");
        }
        return switch (format) {
            case NFDUMP_CSV -> NfdumpCsvMapper.map(columns.row(line, NfdumpCsvMapper.SOURCE), line);
            case ARGUS -> ArgusMapper.map(columns.row(line, ArgusMapper.SOURCE), line);
            case NFDUMP_LINE -> NfdumpLineMapper.map(line);
        };
    }
}
