package org.t1573.ingest.linux;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import org.t1573.ingest.MalformedRecordException;

/**
 * The address of an auditd SOCKADDR record: the raw {@code struct sockaddr} in hex. The family
 * is host byte order (little-endian on x86 and ARM), the port and address network order.
 */
record SockAddr(int family, String ip, int port) implements Serializable {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    /** The IPv4 or IPv6 address of the hex sockaddr; null for other families (AF_UNIX, AF_NETLINK). */
    static SockAddr decode(String hex, String source) throws MalformedRecordException {
        if (hex == null || !AuditKeyValueReader.isHex(hex) || hex.length() < 4) {
            throw new MalformedRecordException(source + ": SOCKADDR saddr '" + hex + "' is not a hex sockaddr");
        }
        byte[] b = HexFormat.of().parseHex(hex);
        int family = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        int addressStart = family == AF_INET ? 4 : family == AF_INET6 ? 8 : -1;
        if (addressStart < 0) {
            return null;
        }
        int addressLength = family == AF_INET ? 4 : 16;
        if (b.length < addressStart + addressLength) {
            throw new MalformedRecordException(source + ": SOCKADDR saddr '" + hex + "' is too short for family "
                    + family);
        }
        byte[] address = Arrays.copyOfRange(b, addressStart, addressStart + addressLength);
        int port = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        try {
            return new SockAddr(family, InetAddress.getByAddress(address).getHostAddress(), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
