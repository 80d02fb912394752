package org.t1573.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Lines through the collect sink, which takes at most 2 MiB per record: a longer line (an alert
 * quoting a command line of a million CJK characters is 3 MB) travels in pieces of
 * {@value #PIECE_CHARS} characters and is joined again on the client. A line that fits travels
 * whole, behind {@code =}; a piece is {@code +id } (more to come) or {@code .id } (the last).
 */
final class CollectedLines {
    /** Flink writes a character in at most 3 bytes: at most 768 KiB a piece. */
    static final int PIECE_CHARS = 256 * 1024;
    private static final char WHOLE = '=';
    private static final char MORE = '+';
    private static final char LAST = '.';

    private CollectedLines() {}

    /** The pieces of {@code line}, named {@code id} (unique among the lines of one run). */
    static List<String> pieces(String id, String line) {
        if (line.length() <= PIECE_CHARS) {
            return List.of(WHOLE + line);
        }
        List<String> pieces = new ArrayList<>();
        for (int from = 0; from < line.length(); from += PIECE_CHARS) {
            int to = Math.min(line.length(), from + PIECE_CHARS);
            pieces.add((to == line.length() ? LAST : MORE) + id + ' ' + line.substring(from, to));
        }
        return pieces;
    }

    /** Cuts each line into its pieces; ids are the subtask's index and a count. */
    static final class Split extends RichFlatMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient String subtask;
        private transient long count;

        @Override
        public void open(OpenContext ctx) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "-";
        }

        @Override
        public void flatMap(String line, Collector<String> out) {
            pieces(subtask + count++, line).forEach(out::collect);
        }
    }

    /**
     * Joins pieces into their lines. The pieces of one line come from one subtask, in order;
     * those of lines from other subtasks may come between them.
     */
    static final class Join {
        private final Map<String, StringBuilder> open = new HashMap<>();

        /** The line {@code piece} completes, or null while pieces of it are to come. */
        String add(String piece) {
            if (piece.charAt(0) == WHOLE) {
                return piece.substring(1);
            }
            int space = piece.indexOf(' ');
            String id = piece.substring(1, space);
            StringBuilder line = open.computeIfAbsent(id, k -> new StringBuilder()).append(piece, space + 1,
                    piece.length());
            if (piece.charAt(0) == MORE) {
                return null;
            }
            open.remove(id);
            return line.toString();
        }
    }
}
