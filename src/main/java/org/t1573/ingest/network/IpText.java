package org.t1573.ingest.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Tells IP address literals from other endpoint text (MAC addresses, names) without any DNS lookup. */
final class IpText {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");
    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");

    private IpText() {}

    static boolean isIp(String text) {
        return text != null && (IPV4.matcher(text).matches()
                || (IPV6.matcher(text).matches() && !MAC.matcher(text).matches()));
    }

    /**
     * An address as text: a literal stays as it is; anything else is read as the base64 of the
     * 4 or 16 address bytes (older goflow2 JSON), or null if it is neither.
     */
    static String literalOrBase64(String text) {
        if (text == null || isIp(text)) {
            return text;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length != 4 && bytes.length != 16) {
                return null;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
    }
}
