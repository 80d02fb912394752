package org.t1573.ingest.windows;

import java.util.Locale;

/** Normalises the Windows-flavoured values several sources share: paths, accounts, hashes, protocols. */
final class WindowsValueNormalizer {

    private WindowsValueNormalizer() {}

    /** The part of a path after the last '\' or '/', or null for a null path. */
    static String fileName(String path) {
        if (path == null) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(cut + 1);
    }

    /**
     * The full path of a file given its folder and name. Defender's folder columns hold the full
     * path on most tables but only the folder on some exports, so the name is appended only when
     * the folder does not already end with it.
     */
    static String fullPath(String folder, String name) {
        if (folder == null || name == null) {
            return folder;
        }
        int start = folder.length() - name.length();
        if (folder.regionMatches(true, start, name, 0, name.length())
                && (start == 0 || folder.charAt(start - 1) == '\\' || folder.charAt(start - 1) == '/')) {
            return folder;
        }
        char separator = folder.indexOf('\\') >= 0 || folder.indexOf('/') < 0 ? '\\' : '/';
        boolean endsWithSeparator = folder.endsWith("\\") || folder.endsWith("/");
        return endsWithSeparator ? folder + name : folder + separator + name;
    }

    /** {@code DOMAIN\name}, or the name alone when there is no domain. */
    static String account(String domain, String name) {
        if (name == null) {
            return null;
        }
        return domain == null ? name : domain + '\\' + name;
    }

    /** The SHA256 value of a Sysmon {@code Hashes} list ("SHA1=..,MD5=..,SHA256=..,IMPHASH=.."), as given. */
    static String sha256FromHashes(String hashes) {
        if (hashes == null) {
            return null;
        }
        for (String part : hashes.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && "SHA256".equalsIgnoreCase(part.substring(0, eq).trim())) {
                String value = part.substring(eq + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** "tcp" or "udp" from "tcp", "Tcp", "TcpV4" or "UdpV6" (Defender writes the IP version into it). */
    static String transport(String protocol) {
        if (protocol == null) {
            return null;
        }
        String lower = protocol.toLowerCase(Locale.ROOT);
        if (lower.endsWith("v4") || lower.endsWith("v6")) {
            return lower.substring(0, lower.length() - 2);
        }
        return lower;
    }

    /**
     * The host of a Defender RemoteUrl, which holds a bare host name on most rows and a full URL
     * ("https://host:port/path") on some.
     */
    static String hostOfUrl(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String host = rest.substring(0, end);
        // Strip a port, but not from a bracketed or bare IPv6 address.
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            host = host.substring(0, colon);
        }
        return host.isEmpty() ? null : host;
    }
}
