package org.t1573.ingest;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads IP address literals strictly, with the ipaddress library and no DNS lookup: one address
 * as sensors write it (dotted IPv4, IPv6 with an optional zone), nothing around it. Padding,
 * octets over 255, prefixes, ranges, wildcards and inet_aton forms ({@code 10.1}) are not
 * addresses, since a pattern's network test could never match them.
 */
public final class IpText {
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowPrefixOnly(false)
            .allowSingleSegment(false).allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false)
            .getIPv4AddressParametersBuilder().allowBinary(false).getParentBuilder()
            .getIPv6AddressParametersBuilder().allowBinary(false).getParentBuilder()
            .toParams();

    // A regex, not MACAddressString: the library also reads dotted forms, so 999.1.1.1 would pass as a MAC.
    private static final Pattern MAC = Pattern.compile("\\p{XDigit}{1,2}([:-]\\p{XDigit}{1,2}){5}");

    private IpText() {}

    /** Whether {@code text} is exactly one IP address. */
    public static boolean isIp(String text) {
        // The library trims whitespace; a padded address is not what the sensor's field holds.
        return text != null && text.chars().noneMatch(Character::isWhitespace)
                && new IPAddressString(text, STRICT).isValid();
    }

    /** Whether {@code text} is a MAC address (link-layer flows name those instead of IP addresses). */
    public static boolean isMac(String text) {
        return text != null && !isIp(text) && MAC.matcher(text).matches();
    }

    /**
     * An address as text: a literal stays as it is; anything else is read as the base64 of the
     * 4 or 16 address bytes (older goflow2 JSON), or null if it is neither.
     */
    public static String literalOrBase64(String text) {
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
