package org.t1573.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Strings on the wire for the job's serializers. Telemetry text is nearly all Latin-1 (paths,
 * names, addresses, GUIDs): such a string goes as its length (one byte below 127) and its bytes
 * in one block, which
 * the network buffers and the BATCH sort copy in bulk, where Flink's general encoding writes and
 * reads it char by char. Any other string uses that general encoding.
 */
public final class WireStrings {
    /** First byte of a string in Flink's general encoding. */
    private static final int GENERAL = -1;
    /** First byte of a Latin-1 string of this length or longer: an int length follows. */
    private static final int LONG = 127;

    private WireStrings() {}

    /** Writes a non-null string. */
    public static void write(String s, DataOutputView out) throws IOException {
        if (!isLatin1(s)) {
            out.writeByte(GENERAL);
            StringValue.writeString(s, out);
            return;
        }
        if (s.length() < LONG) {
            out.writeByte(s.length());
        } else {
            out.writeByte(LONG);
            out.writeInt(s.length());
        }
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads a string written by {@link #write}; a Latin-1 one is shared with equal strings read
     * before ({@link SharedStrings}).
     */
    public static String read(DataInputView in) throws IOException {
        int length = in.readByte();
        if (length == GENERAL) {
            return StringValue.readString(in);
        }
        if (length == LONG) {
            length = in.readInt();
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return SharedStrings.ofLatin1(bytes);
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
