package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading a raw record as one JSON object, and nothing else. */
class JsonRecordsTest {

    @Test
    void oneObjectWithBlanksAroundIsRead() throws Exception {
        assertThat(JsonRecords.readObject(" {\"a\":1}\t", "test").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void twoObjectsOnOneLineAreMalformedNotTheFirstAlone() {
        assertThatThrownBy(() -> JsonRecords.readObject("{\"a\":1}{\"a\":2}", "test"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("test: more than one JSON value in the record (the second starts at column 8)");
    }

    @Test
    void anObjectFollowedByOtherTextIsNotJson() {
        assertThatThrownBy(() -> JsonRecords.readObject("{\"a\":1} trailing", "test"))
                .isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("test: not JSON: ");
    }
}
