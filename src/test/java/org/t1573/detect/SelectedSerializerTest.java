package org.t1573.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.t1573.event.Event;

class SelectedSerializerTest {

    @ParameterizedTest
    @CsvSource(value = {"{guid-1}, 5, true, false", "NULL, 0, false, true", "host|42|1700000000000, 2, false, false"},
            nullValues = "NULL")
    void roundTripKeepsKeyStepsEndsContextAndEvent(String key, int steps, boolean ends, boolean context)
            throws IOException {
        Event e = new Event();
        e.timestamp = 1_700_000_000_000L;
        e.id = "sysmon-7-42";
        e.processName = "rundll32.exe";
        e.destinationPort = 4444;
        Selected s = new Selected(key == null ? null : GroupKey.of(key), steps, ends, context, e, EncodedEvent.of(e));
        DataOutputSerializer out = new DataOutputSerializer(128);
        SelectedSerializer.INSTANCE.serialize(s, out);
        Selected back = SelectedSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(key == null ? null : GroupKey.of(key), back.key);
        assertEquals(steps, back.steps);
        assertEquals(ends, back.ends);
        assertEquals(context, back.context);
        assertEquals(e.timestamp, back.timestamp);
        assertEquals(Selected.idHash("sysmon-7-42"), back.idHash);
        assertEquals(e.timestamp, back.event().timestamp);
        assertEquals("rundll32.exe", back.event().processName);
        assertEquals(4444, back.event().destinationPort);
        assertNull(back.event().destinationIp);
    }

    @Test
    void copyDoesNotShareTheEvent() {
        Event e = new Event();
        e.hostName = "WS01";
        Selected copy = SelectedSerializer.INSTANCE.copy(new Selected(GroupKey.of("k"), 3, false, e));
        assertNotSame(e, copy.event());
        assertEquals("WS01", copy.event().hostName);
        assertEquals(GroupKey.of("k"), copy.key);
        assertEquals(3, copy.steps);
    }

    @Test
    void everyPatternsCopyOfAnEventSharesOneEncoding() {
        Event e = new Event();
        e.hostName = "WS01";
        e.dllName = "bcrypt.dll";
        EncodedEvent shared = EncodedEvent.of(e);
        Selected forOne = new Selected(GroupKey.of("WS01|{a}"), 1, false, false, e, shared);
        Selected forOther = new Selected(GroupKey.of("WS01|42"), 2, false, false, e, shared);
        assertSame(forOne.encoded(), forOther.encoded());
        assertSame(e, forOne.event(), "before the shuffle the selected instance itself");
    }

    @Test
    void pastTheWireEachReadDecodesAFreshEvent() throws IOException {
        Event e = new Event();
        e.dllName = "ncrypt.dll";
        DataOutputSerializer out = new DataOutputSerializer(128);
        SelectedSerializer.INSTANCE.serialize(new Selected(GroupKey.of("k"), 1, false, e), out);
        Selected back = SelectedSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertNotSame(back.event(), back.event());
        assertEquals("ncrypt.dll", back.event().dllName);
    }

    @Test
    void flinkPicksTheHandWrittenSerializer() {
        TypeInformation<Selected> info = TypeInformation.of(Selected.class);
        assertInstanceOf(SelectedSerializer.class, info.createSerializer(new SerializerConfigImpl()));
    }
}
