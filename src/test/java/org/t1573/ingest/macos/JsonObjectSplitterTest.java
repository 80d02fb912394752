package org.t1573.ingest.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.t1573.ingest.MalformedRecordException;

class JsonObjectSplitterTest {

    private final JsonObjectSplitter splitter = new JsonObjectSplitter();

    @Test
    void returnsAnNdjsonLineAsOneObject() throws MalformedRecordException {
        assertThat(splitter.feed("{\"a\":1,\"b\":{\"c\":[1,2]}}")).containsExactly("{\"a\":1,\"b\":{\"c\":[1,2]}}");
    }

    @Test
    void returnsAPrettyPrintedArrayElementOnTheLineThatClosesIt() throws MalformedRecordException {
        List<String> perLine = new ArrayList<>();
        for (String line : List.of("[{", "  \"a\" : 1,", "  \"b\" : {", "    \"c\" : 2", "  }", "},{", "  \"a\" : 3", "}]")) {
            perLine.add(String.join("|", splitter.feed(line)));
        }

        assertThat(perLine).containsExactly("", "", "", "", "", "{\n  \"a\" : 1,\n  \"b\" : {\n    \"c\" : 2\n  }\n}",
                "", "{\n  \"a\" : 3\n}");
    }

    @Test
    void splitsACompactArrayOnOneLine() throws MalformedRecordException {
        assertThat(splitter.feed("[{\"a\":1},{\"a\":2}]")).containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void ignoresBracesAndQuotesInsideStrings() throws MalformedRecordException {
        String entry = "{\"m\":\"a } { \\\" ] [ b\"}";

        assertThat(splitter.feed(entry)).containsExactly(entry);
    }

    @Test
    void rejectsAnNdjsonObjectThatDoesNotEndOnItsLine() {
        assertThatThrownBy(() -> splitter.feed("{\"a\":1,"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("does not end on its line");
    }

    @Test
    void readsTheNextNdjsonLineAfterABrokenOne() throws MalformedRecordException {
        assertThatThrownBy(() -> splitter.feed("{\"a\":1,")).isInstanceOf(MalformedRecordException.class);

        assertThat(splitter.feed("{\"a\":2}")).containsExactly("{\"a\":2}");
    }

    @Test
    void rejectsTextOutsideObjectsButKeepsAnObjectStartedOnTheSameLine() throws MalformedRecordException {
        splitter.feed("[");
        assertThatThrownBy(() -> splitter.feed("junk },{"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("unexpected 'j'");

        assertThat(splitter.feed("\"a\":1}")).containsExactly("{\n\"a\":1}");
    }
}
