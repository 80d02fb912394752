package org.t1573.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.t1573.event.Event;

class MatchRecordSerializerTest {

    private static Event event(String id, long time, String dll, String ip) {
        Event e = new Event();
        e.id = id;
        e.timestamp = time;
        e.dllName = dll;
        e.destinationIp = ip;
        return e;
    }

    private static MatchRecord roundTrip(MatchRecord m) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        MatchRecordSerializer.INSTANCE.serialize(m, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        MatchRecord back = MatchRecordSerializer.INSTANCE.deserialize(in);
        assertEquals(0, in.available(), "every byte read");
        return back;
    }

    @Test
    void aMatchKeepsKeyTimeAndEachEventWithItsStep() throws IOException {
        MatchRecord m = new MatchRecord(GroupKey.of("WS01|{guid}"), 2_000L, false,
                new Event[] {event("a", 1_000L, "bcrypt.dll", null), event("b", 2_000L, null, "203.0.113.9")},
                new int[] {0, 1});
        MatchRecord back = roundTrip(m);
        assertEquals(GroupKey.of("WS01|{guid}"), back.key);
        assertEquals(2_000L, back.matchTime);
        assertEquals(false, back.end);
        assertArrayEquals(new int[] {0, 1}, back.steps);
        assertEquals("bcrypt.dll", back.events[0].dllName);
        assertNull(back.events[0].destinationIp);
        assertEquals("203.0.113.9", back.events[1].destinationIp);
        assertEquals(1_000L, back.events[0].timestamp);
    }

    @Test
    void theEndOfAKeyCarriesNoEvent() throws IOException {
        MatchRecord end = MatchRecord.endOf(new Selected(GroupKey.of("WS01|{guid}"), 0, true, event("x", 5_000L, null, null)));
        MatchRecord back = roundTrip(end);
        assertTrue(back.end);
        assertEquals(5_000L, back.matchTime);
        assertEquals(GroupKey.of("WS01|{guid}"), back.key);
        assertEquals(0, back.events.length);
    }

    @Test
    void aDescriptionOfAKeyCarriesOnlyTheFieldsAlertsTakeFromIt() throws IOException {
        Event start = event("sysmon-1", 4_000L, null, "203.0.113.9");
        start.processCommandLine = "powershell -nop -w hidden -enc SQBFAFgA";
        start.parentName = "wscript.exe";
        start.userName = "THESHIRE\\pgustavo";
        MatchRecord back = roundTrip(MatchRecord.contextOf(new Selected(GroupKey.of("WS01|{guid}"), 0, false, true,
                start, EncodedEvent.of(start))));
        assertTrue(back.context);
        assertEquals(4_000L, back.matchTime);
        assertEquals("powershell -nop -w hidden -enc SQBFAFgA", back.events[0].processCommandLine);
        assertEquals("wscript.exe", back.events[0].parentName);
        assertEquals("THESHIRE\\pgustavo", back.events[0].userName);
        assertNull(back.events[0].destinationIp, "not a description field");
        assertArrayEquals(new int[] {-1}, back.steps);
    }

    @Test
    void anEmptyInstanceReadsBackWithEmptyArrays() throws IOException {
        MatchRecord back = roundTrip(MatchRecordSerializer.INSTANCE.createInstance());
        assertNull(back.key);
        assertEquals(0, back.events.length);
        assertEquals(0, back.steps.length);
    }

    @Test
    void copyDoesNotShareEvents() {
        Event e = event("a", 1L, "ncrypt.dll", null);
        MatchRecord copy = MatchRecordSerializer.INSTANCE.copy(new MatchRecord(GroupKey.of("k"), 1L, false, new Event[] {e}, new int[] {0}));
        assertNotSame(e, copy.events[0]);
        assertEquals("ncrypt.dll", copy.events[0].dllName);
        assertArrayEquals(new int[] {0}, copy.steps);
    }

    @Test
    void flinkPicksTheHandWrittenSerializer() {
        TypeInformation<MatchRecord> info = TypeInformation.of(MatchRecord.class);
        assertInstanceOf(MatchRecordSerializer.class, info.createSerializer(new SerializerConfigImpl()));
    }
}
