package org.t1573.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.shaded.guava33.com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hashed group-by keys: the published MurmurHash3, equality by value, a fixed-length key type. */
class GroupKeyTest {

    /** Every tail length (0-15 chars), a block and a half, and characters beyond Latin-1. */
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh",
        "abcdefghi", "abcdefghijklmno", "WS0562.corp.example.com\u001f{81000232-3080-0000-0058-000000000800}",
        "h\u00f6st\u001f\u4e2d\u6587\u001f42"})
    void isGuavasMurmur3Of128BitsOverTheChars(String s) {
        byte[] guava = Hashing.murmur3_128().hashUnencodedChars(s).asBytes();
        ByteBuffer b = ByteBuffer.wrap(guava).order(ByteOrder.LITTLE_ENDIAN);
        GroupKey k = GroupKey.of(s);
        assertThat(new long[] {k.hi, k.lo}).containsExactly(b.getLong(), b.getLong());
    }

    @Test
    void equalValuesMakeEqualKeysAndOthersDiffer() {
        assertThat(GroupKey.of("WS01\u001f{a}")).isEqualTo(GroupKey.of("WS01\u001f{a}"))
                .hasSameHashCodeAs(GroupKey.of("WS01\u001f{a}"))
                .isNotEqualTo(GroupKey.of("WS01\u001f{b}"))
                .isNotEqualTo(GroupKey.of("WS0\u001f1{a}"));
    }

    @Test
    void isAKeyTypeOfSixteenBytesSoTheBatchSortComparesFixedLengthKeys() throws IOException {
        TypeInformation<GroupKey> info = TypeInformation.of(GroupKey.class);
        assertThat(info.isKeyType()).isTrue();
        GroupKeySerializer serializer = (GroupKeySerializer) info.createSerializer(null);
        assertThat(serializer.getLength()).isEqualTo(16);
        DataOutputSerializer out = new DataOutputSerializer(16);
        GroupKey k = GroupKey.of("host\u001f{guid}");
        serializer.serialize(k, out);
        assertThat(out.length()).isEqualTo(16);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(k);
    }
}
