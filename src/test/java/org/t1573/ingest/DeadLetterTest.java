package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Dead letters are bounded: the raw text keeps its start and says how long the record was. */
class DeadLetterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cutsALongRawTextAndWritesTheRecordsLength() throws Exception {
        DeadLetter d = new DeadLetter("windows", "f:1", "bad", "z".repeat(DeadLetter.MAX_RAW_CHARS * 3));
        assertThat(d.raw).hasSize(DeadLetter.MAX_RAW_CHARS);
        assertThat(JSON.readTree(JSON.writeValueAsString(d)).get("raw_length").asLong())
                .isEqualTo(DeadLetter.MAX_RAW_CHARS * 3L);
    }

    @Test
    void keepsAShortRecordWholeWithoutALength() throws Exception {
        assertThat(JSON.writeValueAsString(new DeadLetter("windows", "f:1", "bad", "{not json")))
                .isEqualTo("{\"channel\":\"windows\",\"origin\":\"f:1\",\"reason\":\"bad\",\"raw\":\"{not json\"}");
    }

    @Test
    void cutsAReasonThatQuotesAWholeRecord() {
        assertThat(new DeadLetter("windows", "f:1", "bad value " + "q".repeat(100_000), "x").reason)
                .hasSize(DeadLetter.MAX_NOTE_CHARS);
    }

    @Test
    void doesNotSplitASurrogatePair() {
        String raw = "a".repeat(DeadLetter.MAX_RAW_CHARS - 1) + "\uD83D\uDE00" + "b";
        assertThat(new DeadLetter("windows", "f:1", "bad", raw).raw).hasSize(DeadLetter.MAX_RAW_CHARS - 1);
    }
}
