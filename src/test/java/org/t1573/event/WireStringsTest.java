package org.t1573.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireStringsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "C:\\Windows\\System32\\bcrypt.dll", "café ÿ", "进程.exe", "emoji 😀 pair",
        "\u0000nul", "{81000232-3080-0000-0058-000000000800}"})
    void everyStringComesBackEqual(String s) throws IOException {
        assertEquals(s, roundTrip(s));
    }

    @Test
    void longStringsOfBothEncodingsComeBack() throws IOException {
        String latin = "A".repeat(126) + "é" + "B".repeat(300);
        String other = "界".repeat(500);
        assertEquals(latin, roundTrip(latin));
        assertEquals(other, roundTrip(other));
        assertEquals("x".repeat(127), roundTrip("x".repeat(127)));
    }

    @Test
    void aShortLatin1StringCostsOneByteOfLength() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        WireStrings.write("WS01", out);
        assertEquals(5, out.length());
    }

    @Test
    void equalStringsReadBackAreOneInstance() throws IOException {
        String host = "WS0562.corp.example.com";
        assertSame(roundTrip(new String(host)), roundTrip(new String(host)));
    }

    @Test
    void stringsDifferingOnlyAfterTheirFirstWordsStayApart() throws IOException {
        String a = "{81000232-3080-0000-0058-000000000800}";
        String b = "{81000232-3080-0000-0058-000000000801}";
        String c = "{81000232-3080-0000-0058-00000000080}";
        for (int round = 0; round < 2; round++) {
            assertEquals(a, roundTrip(new String(a)));
            assertEquals(b, roundTrip(new String(b)));
            assertEquals(c, roundTrip(new String(c)));
        }
    }

    private static String roundTrip(String s) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        WireStrings.write(s, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        String back = WireStrings.read(in);
        assertEquals(0, in.available(), "every byte read");
        return back;
    }
}
