package org.t1573.ingest;

import java.util.Base64;
import java.util.HexFormat;

/**
 * Shannon entropy of payload bytes in bits per byte (0 for one repeated byte, 8 for uniformly
 * random bytes), from the byte samples sensors log: raw, base64 (Suricata EVE {@code payload})
 * or hex. Encrypted or compressed data scores close to 8; text and protocol headers well below.
 */
public final class PayloadEntropy {

    private PayloadEntropy() {}

    /** The entropy of the bytes; null for no bytes (nothing was observed, which is not entropy 0). */
    public static Double of(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        int[] counts = new int[256];
        for (byte b : bytes) {
            counts[b & 0xff]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) bytes.length;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        // -0.0 for a single repeated byte reads oddly in alerts.
        return h == 0 ? 0.0 : h;
    }

    /** The decoded bytes of a base64 sample; IllegalArgumentException if it is not base64. */
    public static byte[] base64(String text) {
        return Base64.getDecoder().decode(text.trim());
    }

    /** The decoded bytes of a hex sample (separators ':' and spaces allowed); IllegalArgumentException if not hex. */
    public static byte[] hex(String text) {
        String digits = text.replaceAll("[:\\s]", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        return HexFormat.of().parseHex(digits);
    }
}
