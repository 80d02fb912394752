package org.t1573.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadEntropyTest {

    @Test
    void oneRepeatedByteHasNoEntropy() {
        assertThat(PayloadEntropy.of(new byte[] {7, 7, 7, 7})).isEqualTo(0.0);
    }

    @Test
    void everyByteValueOnceGivesEightBits() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(PayloadEntropy.of(all)).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void twoEquallyFrequentBytesGiveOneBit() {
        assertThat(PayloadEntropy.of("abab".getBytes(StandardCharsets.US_ASCII))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void noBytesIsNotObservedRatherThanZero() {
        assertThat(PayloadEntropy.of(new byte[0])).isNull();
    }

    @Test
    void base64AndHexSamplesDecodeToTheSameBytes() {
        // "abab" in base64 and in hex with separators.
        assertThat(PayloadEntropy.base64("YWJhYg==")).isEqualTo(PayloadEntropy.hex("61:62:61:62"));
        assertThat(PayloadEntropy.hex("0x6162 6162")).containsExactly('a', 'b', 'a', 'b');
    }

    @Test
    void aSampleThatIsNotHexIsRejected() {
        assertThatThrownBy(() -> PayloadEntropy.hex("zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
