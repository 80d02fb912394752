package org.t1573.ingest.esxi;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.t1573.ingest.MalformedRecordException;

/**
 * The column layout of one {@code esxcli network ip connection list} table: the text table
 * (header {@code Proto  Recv Q  Send Q  Local Address  Foreign Address  State  World ID  CC Algo
 * World Name}, then a line of dashes per column) or {@code --formatter=csv} (header
 * {@code CCAlgo,ForeignAddress,LocalAddress,Proto,RecvQ,SendQ,State,WorldID,WorldName}). Columns
 * are known by their names without spaces, so either layout and any column order reads the same.
 * Text rows are cut at the dash segments' starts: a UDP row has an empty State cell.
 */
final class ConnectionTable implements Serializable {
    private static final long serialVersionUID = 1L;

    static final List<String> REQUIRED = List.of("Proto", "LocalAddress", "ForeignAddress", "State", "WorldID", "WorldName");

    private final boolean csv;
    private final List<String> textNames;
    private Map<String, Integer> index;
    private int[] starts;

    private ConnectionTable(boolean csv, List<String> textNames, Map<String, Integer> index) {
        this.csv = csv;
        this.textNames = textNames;
        this.index = index;
    }

    /** The table a header line starts, or null if the line is no header. */
    static ConnectionTable ofHeader(String line, String source) throws MalformedRecordException {
        String trimmed = line.strip();
        if (trimmed.contains(",") && trimmed.contains("ForeignAddress")) {
            List<String> names = List.of(trimmed.split(",", -1));
            return new ConnectionTable(true, null, checked(names, source));
        }
        if (trimmed.startsWith("Proto") && trimmed.contains("Foreign Address")) {
            List<String> names = new ArrayList<>();
            for (String name : trimmed.split("\\s{2,}")) {
                names.add(name.replace(" ", ""));
            }
            checked(names, source);
            return new ConnectionTable(false, names, null);
        }
        return null;
    }

    /** True for the dash line under a text header; it fixes where each column starts. */
    boolean readSeparator(String line, String source) throws MalformedRecordException {
        if (csv || index != null || !line.strip().startsWith("-") || !line.strip().replace(" ", "").chars().allMatch(c -> c == '-')) {
            return false;
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '-' && (i == 0 || line.charAt(i - 1) == ' ')) {
                found.add(i);
            }
        }
        if (found.size() != textNames.size()) {
            throw new MalformedRecordException(source + ": dash line has " + found.size() + " columns, header "
                    + textNames.size());
        }
        starts = found.stream().mapToInt(Integer::intValue).toArray();
        index = new HashMap<>();
        for (int i = 0; i < textNames.size(); i++) {
            index.put(textNames.get(i), i);
        }
        return true;
    }

    /** The row's cells by column name (without spaces), trimmed. */
    Map<String, String> row(String line, String source) throws MalformedRecordException {
        if (index == null) {
            throw new MalformedRecordException(source + ": table row before the dash line under the header");
        }
        String[] cells = csv ? line.split(",", -1) : cut(line);
        if (cells.length != index.size()) {
            throw new MalformedRecordException(source + ": row has " + cells.length + " cells, header "
                    + index.size());
        }
        Map<String, String> row = new HashMap<>();
        index.forEach((name, i) -> row.put(name, unquote(cells[i].strip())));
        return row;
    }

    private String[] cut(String line) {
        String[] cells = new String[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int from = Math.min(starts[i], line.length());
            int to = i + 1 < starts.length ? Math.min(starts[i + 1], line.length()) : line.length();
            cells[i] = line.substring(from, to);
        }
        return cells;
    }

    private static Map<String, Integer> checked(List<String> names, String source) throws MalformedRecordException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = unquote(names.get(i).strip());
            // A repeated name would leave fewer names than cells, and a row indexed past its end.
            if (index.put(name, i) != null) {
                throw new MalformedRecordException(source + ": connection table header names column " + name + " twice");
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw new MalformedRecordException(source + ": connection table header lacks column " + required);
            }
        }
        return index;
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
