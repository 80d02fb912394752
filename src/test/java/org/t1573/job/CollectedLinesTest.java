package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long lines cross the collect sink in pieces and come out whole, even interleaved. */
class CollectedLinesTest {

    @Test
    void joinsInterleavedPiecesOfTwoSubtasksIntoTheirLines() {
        String a = "a".repeat(CollectedLines.PIECE_CHARS * 2 + 1);
        String b = "\uD83D\uDE00".repeat(CollectedLines.PIECE_CHARS);
        List<String> fromA = CollectedLines.pieces("0-0", a);
        List<String> fromB = CollectedLines.pieces("1-0", b);
        assertThat(fromA).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThan(CollectedLines.PIECE_CHARS + 8));

        CollectedLines.Join join = new CollectedLines.Join();
        List<String> lines = new ArrayList<>();
        for (String piece : List.of(fromA.get(0), fromB.get(0), fromA.get(1), "=short", fromB.get(1), fromA.get(2))) {
            String line = join.add(piece);
            if (line != null) {
                lines.add(line);
            }
        }
        assertThat(lines).containsExactly("short", b, a);
    }
}
