package org.t1573.detect;

/**
 * MurmurHash3, x64 128-bit variant (Austin Appleby's public-domain algorithm, seed 0), over the
 * UTF-16 code units of a character sequence, each as two little-endian bytes: the same bits as
 * Guava's {@code Hashing.murmur3_128().hashUnencodedChars}. Keys and ids are hashed by it where
 * a fixed-size stand-in is cheaper than the text (sorting, hashing, state), and 128 bits make a
 * collision between two of the keys a run sees negligible (about n^2 / 2^129).
 */
final class Murmur3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final int CHARS_PER_LONG = 4;
    private static final int CHARS_PER_BLOCK = 8;

    private Murmur3() {}

    /** The two 64-bit halves of the hash, in Guava's byte order ({@code asLong()} is {@code [0]}). */
    static long[] hash128(CharSequence s) {
        int n = s.length();
        long h1 = 0;
        long h2 = 0;
        int blocks = n / CHARS_PER_BLOCK * CHARS_PER_BLOCK;
        for (int i = 0; i < blocks; i += CHARS_PER_BLOCK) {
            h1 ^= mixK1(pack(s, i, CHARS_PER_LONG));
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(pack(s, i + CHARS_PER_LONG, CHARS_PER_LONG));
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = n - blocks;
        if (tail > CHARS_PER_LONG) {
            h2 ^= mixK2(pack(s, blocks + CHARS_PER_LONG, tail - CHARS_PER_LONG));
        }
        if (tail > 0) {
            h1 ^= mixK1(pack(s, blocks, Math.min(tail, CHARS_PER_LONG)));
        }
        long bytes = 2L * n;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    /** Up to four chars from {@code from}, little-endian, as the algorithm reads 8 bytes. */
    private static long pack(CharSequence s, int from, int count) {
        long k = 0;
        for (int j = 0; j < count; j++) {
            k |= (long) s.charAt(from + j) << (16 * j);
        }
        return k;
    }

    private static long mixK1(long k) {
        return Long.rotateLeft(k * C1, 31) * C2;
    }

    private static long mixK2(long k) {
        return Long.rotateLeft(k * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
