package org.t1573.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class EventSerializerTest {

    private final TypeSerializer<Event> serializer = EventSerializer.INSTANCE;

    @Test
    void flinkPicksTheEventSerializerForEvents() {
        TypeInformation<Event> info = TypeInformation.of(Event.class);
        assertInstanceOf(SerializerTypeInfo.class, info);
        assertInstanceOf(EventSerializer.class, info.createSerializer(new SerializerConfigImpl()));
    }

    @Test
    void everyStoredFieldSurvivesTheRoundTrip() throws IOException {
        Event e = everyField();
        Event back = roundTrip(e);
        for (EventField f : EventField.values()) {
            assertEquals(f.get(e), f.get(back), f.ecsName());
        }
    }

    @Test
    void absentFieldsStayNullAndCostNothing() throws IOException {
        Event e = new Event();
        e.timestamp = 42;
        e.hostName = "WS01";
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(e, out);
        // count byte, a bitmap byte per 8 stored fields, 8 bytes of timestamp, "WS01" (length + 4 chars)
        long stored = java.util.Arrays.stream(EventField.values()).filter(f -> !f.derived()).count();
        assertEquals(1 + (stored + 7) / 8 + 8 + 5, out.length());
        Event back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(42, back.timestamp);
        assertEquals("WS01", back.hostName);
        assertNull(back.processPid);
        assertNull(back.message);
    }

    @Test
    void copyIsDeepAndEqualFieldByField() throws IOException {
        Event e = everyField();
        Event copy = serializer.copy(e);
        assertNotSame(e, copy);
        for (EventField f : EventField.values()) {
            assertEquals(f.get(e), f.get(copy), f.ecsName());
        }
        DataOutputSerializer first = new DataOutputSerializer(256);
        serializer.serialize(e, first);
        DataOutputSerializer second = new DataOutputSerializer(256);
        serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);
        assertEquals(first.length(), second.length());
    }

    @Test
    void recordsOfAnOlderReleaseWithFewerFieldsStillRead() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeByte(9); // an older release that knew only the event.* fields
        out.writeByte(0b0000_1001); // @timestamp and event.dataset
        out.writeByte(0);
        out.writeLong(7);
        WireStrings.write("sysmon", out);
        Event back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(7, back.timestamp);
        assertEquals("sysmon", back.dataset);
        assertNull(back.id);
    }

    @Test
    void recordsOfANewerReleaseAreRefusedWithTheReason() {
        DataOutputSerializer out = new DataOutputSerializer(64);
        IOException e = assertThrows(IOException.class, () -> {
            out.writeByte(200);
            serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        });
        assertEquals(true, e.getMessage().contains("newer release"), e.getMessage());
    }

    @Test
    void snapshotRestoresACompatibleSerializer() {
        TypeSerializerSchemaCompatibility<Event> c = serializer.snapshotConfiguration()
                .resolveSchemaCompatibility(serializer.snapshotConfiguration());
        assertEquals(true, c.isCompatibleAsIs());
        assertEquals(serializer, serializer.snapshotConfiguration().restoreSerializer());
    }

    private Event roundTrip(Event e) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(e, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    /** Every stored field set to a value of its type that differs from field to field. */
    private static Event everyField() {
        Event e = new Event();
        int n = 0;
        for (EventField f : EventField.values()) {
            if (f.derived()) {
                continue;
            }
            n++;
            Object v = switch (f.type()) {
                case STRING -> f.ecsName() + "-ü-" + n;
                case IP -> "10.0.0." + n;
                case LONG, TIME -> 1_000L + n;
                case DOUBLE -> n + 0.5;
                case BOOLEAN -> n % 2 == 0;
            };
            f.set(e, v);
        }
        return e;
    }
}
