package org.t1573.ingest.esxi;

import inet.ipaddr.IPAddressString;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remote endpoint a daemon's message says it connects to: a URL ({@code https://host:port/...}),
 * {@code connection to host:port}, {@code handshake with host:port}, VMware's connection spec
 * ({@code <cs p:..., TCP:host:port>}) or {@code peer=host:port}. Addresses a client connected
 * from ({@code User root@10.0.0.5 logged in}) are not endpoints the daemon reached, so they are
 * not read.
 *
 * @param ip the address, or null for a host name
 * @param domain the host name, or null for an address
 * @param port the port, or the URL scheme's default
 */
record RemoteEndpoint(String ip, String domain, Integer port) {

    private static final String HOST = "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9][A-Za-z0-9.-]*)";
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?)://" + HOST + "(?::(\\d{1,5}))?");
    private static final List<Pattern> HOST_PORT = List.of(
            Pattern.compile("(?i)\\b(?:connect(?:ion|ing|ed)?|handshake)\\s+(?:to|with)\\s+(?:host\\s+)?" + HOST + ":(\\d{1,5})\\b"),
            Pattern.compile("\\bTCP:" + HOST + ":(\\d{1,5})\\b"),
            Pattern.compile("(?i)\\b(?:peer|remote|server)(?:\\s+address)?\\s*[=:]\\s*" + HOST + ":(\\d{1,5})\\b"));

    /** The endpoint the message names, or null. */
    static RemoteEndpoint find(String message) {
        for (Pattern p : HOST_PORT) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                return of(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        Matcher url = URL.matcher(message);
        if (url.find()) {
            int port = url.group(3) != null ? Integer.parseInt(url.group(3))
                    : url.group(1).equalsIgnoreCase("https") ? 443 : 80;
            return of(url.group(2), port);
        }
        return null;
    }

    private static RemoteEndpoint of(String host, int port) {
        Integer p = port <= 65535 ? port : null;
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return new RemoteEndpoint("127.0.0.1", null, p);
        }
        IPAddressString ip = new IPAddressString(bare);
        return ip.isIPAddress()
                ? new RemoteEndpoint(ip.getAddress().toCanonicalString(), null, p)
                : new RemoteEndpoint(null, bare.toLowerCase(Locale.ROOT), p);
    }
}
