package org.t1573.pattern;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of CIDR blocks, such as the {@code InternalNetworks} parameter. IPv4 membership is
 * tested on ints (the hot path: every connection event); IPv6 goes through the ipaddress library.
 */
public final class Networks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] v4Networks;
    private final int[] v4Masks;
    private final List<String> v6Blocks;
    private transient List<IPAddress> v6Parsed;

    private Networks(int[] v4Networks, int[] v4Masks, List<String> v6Blocks) {
        this.v4Networks = v4Networks;
        this.v4Masks = v4Masks;
        this.v6Blocks = v6Blocks;
    }

    /** Parses CIDR blocks (a bare address is a /32 or /128); throws IllegalArgumentException naming the bad one. */
    public static Networks parse(List<String> cidrs) {
        List<Integer> nets = new ArrayList<>();
        List<Integer> masks = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String cidr : cidrs) {
            IPAddressString s = new IPAddressString(cidr.trim());
            IPAddress a = s.getAddress();
            if (a == null || !s.isValid()) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
            }
            if (a.isIPv4()) {
                int prefix = a.getNetworkPrefixLength() == null ? 32 : a.getNetworkPrefixLength();
                int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
                masks.add(mask);
                nets.add(a.getLower().toIPv4().intValue() & mask);
            } else {
                v6.add(cidr.trim());
            }
        }
        return new Networks(nets.stream().mapToInt(Integer::intValue).toArray(),
                masks.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(v6));
    }

    /** Whether the address is in one of the blocks; null if the text is not an IP address. */
    public Boolean contains(String ip) {
        long v4 = parseIpv4(ip);
        if (v4 >= 0) {
            int addr = (int) v4;
            for (int i = 0; i < v4Networks.length; i++) {
                if ((addr & v4Masks[i]) == v4Networks[i]) {
                    return true;
                }
            }
            return false;
        }
        // Not dotted-quad IPv4: only IPv6 is left, so refuse shorthands such as "10.1" or "" that
        // the library would read as IPv4 addresses.
        if (ip == null || ip.indexOf(':') < 0) {
            return null;
        }
        IPAddress a = new IPAddressString(ip).getAddress();
        if (a == null) {
            return null;
        }
        if (a.isIPv4Convertible() && a.isIPv6()) {
            return contains(a.toIPv4().toString());
        }
        for (IPAddress block : v6()) {
            if (block.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private List<IPAddress> v6() {
        if (v6Parsed == null) {
            List<IPAddress> parsed = new ArrayList<>();
            for (String b : v6Blocks) {
                parsed.add(new IPAddressString(b).getAddress().toPrefixBlock());
            }
            v6Parsed = parsed;
        }
        return v6Parsed;
    }

    /** Dotted-quad IPv4 to an unsigned int in a long, or -1 if the text is not one. */
    static long parseIpv4(String s) {
        if (s == null) {
            return -1;
        }
        long result = 0;
        int part = 0;
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) {
                    return -1;
                }
            } else if (c == '.' && digits > 0 && dots < 3) {
                result = (result << 8) | part;
                part = 0;
                digits = 0;
                dots++;
            } else {
                return -1;
            }
        }
        if (dots != 3 || digits == 0) {
            return -1;
        }
        return (result << 8) | part;
    }
}
