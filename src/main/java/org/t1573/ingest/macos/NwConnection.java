package org.t1573.ingest.macos;

import inet.ipaddr.IPAddressString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.ingest.IpText;

/**
 * A connection named in a {@code com.apple.network} message. Network.framework describes a
 * connection as {@code [C12 17.57.146.52:5223 tcp, ..., tls, ...]} (sub-flows as {@code C12.1.1});
 * other messages say {@code Connected to host:port}. IPv6 endpoints are written
 * {@code address.port}; with private data redacted the endpoint is {@code IPv4#1a2b3c4d:443},
 * {@code Hostname#...} or {@code <private>}, which leaves no address.
 *
 * @param connectionId the connection's number (12 for C12.1.1), or null when the message has none
 * @param ip the destination address, or null if redacted or a host name
 * @param domain the destination host name, or null
 * @param port the destination port, or null
 * @param transport tcp, udp or quic when the descriptor says
 * @param tls whether the descriptor lists tls among the connection's protocols
 */
record NwConnection(String connectionId, String ip, String domain, Integer port, String transport, boolean tls) {

    private static final Pattern DESCRIPTOR =
            Pattern.compile("\\[C(\\d+)(?:\\.\\d+)* ([^\\s,\\]]+)([^\\]]*)\\]");
    private static final Pattern CONNECTED_TO =
            Pattern.compile("(?i)\\b(?:connected|connecting|connection) to \\[?([0-9A-Za-z][^\\s,;\\]]*)");
    private static final Pattern CONNECTION_REF = Pattern.compile("\\[C(\\d+)[.\\]:]");
    private static final Pattern TRANSPORT = Pattern.compile("\\b(tcp|udp|quic)\\b");
    private static final Pattern TLS = Pattern.compile(",\\s*tls\\b");
    private static final Pattern IPV4_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5})");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]):(\\d{1,5})");

    /** The connection a message names with an endpoint, or null if it names none. */
    static NwConnection find(String message) {
        Matcher d = DESCRIPTOR.matcher(message);
        if (d.find()) {
            NwConnection c = endpoint(d.group(1), d.group(2), d.group(3));
            if (c != null) {
                return c;
            }
        }
        Matcher to = CONNECTED_TO.matcher(message);
        if (to.find()) {
            Matcher ref = CONNECTION_REF.matcher(message);
            return endpoint(ref.find() ? ref.group(1) : null, to.group(1), message.substring(to.end()));
        }
        return null;
    }

    /** The endpoint token with the descriptor text after it, or null if the token is no endpoint. */
    private static NwConnection endpoint(String id, String token, String rest) {
        Matcher transport = TRANSPORT.matcher(rest);
        String proto = transport.find() ? transport.group(1) : null;
        boolean tls = TLS.matcher(rest).find();
        int hash = token.indexOf('#');
        if (hash >= 0 || token.startsWith("<private>")) {
            return new NwConnection(id, null, null, portAfter(token, ':'), proto, tls);
        }
        Matcher v4 = IPV4_PORT.matcher(token);
        // A dotted quad is an address even out of range (999.1.1.1): a dead letter, not a host name.
        if (v4.matches()) {
            return new NwConnection(id, v4.group(1), null, port(v4.group(2)), proto, tls);
        }
        String v6 = ipv6(token);
        if (v6 != null) {
            return new NwConnection(id, v6, null, portAfter(token, token.startsWith("[") ? ':' : '.'), proto, tls);
        }
        Matcher host = HOST_PORT.matcher(token);
        if (host.matches() && !IpText.isIp(host.group(1))) {
            return new NwConnection(id, null, host.group(1).toLowerCase(), port(host.group(2)), proto, tls);
        }
        return null;
    }

    /** The address of {@code [v6]:port} or Network.framework's {@code v6.port} (scope dropped), or null. */
    private static String ipv6(String token) {
        String address;
        if (token.startsWith("[") && token.indexOf(']') > 0) {
            address = token.substring(1, token.indexOf(']'));
        } else if (token.indexOf(':') != token.lastIndexOf(':') && token.lastIndexOf('.') > 0) {
            address = token.substring(0, token.lastIndexOf('.'));
        } else {
            return null;
        }
        int scope = address.indexOf('%');
        address = scope >= 0 ? address.substring(0, scope) : address;
        IPAddressString parsed = new IPAddressString(address);
        return parsed.isIPv6() ? parsed.getAddress().toCanonicalString() : null;
    }

    private static Integer portAfter(String token, char separator) {
        int at = token.lastIndexOf(separator);
        return at < 0 ? null : port(token.substring(at + 1));
    }

    private static Integer port(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int p = Integer.parseInt(digits);
        return p <= 65535 ? p : null;
    }
}
