package org.t1573.ingest.linux;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a Sysmon for Linux event, the Windows event XML it writes to syslog. Read with
 * patterns rather than an XML parser because real exports are not well-formed XML: command lines
 * carry {@code &quot} without its semicolon. Values {@code -} (Sysmon's "none") read as absent.
 */
final class SysmonXml {

    private static final Pattern SYSTEM_TEXT = Pattern.compile("<(EventID|EventRecordID|Computer)>([^<]*)</\\1>");
    private static final Pattern SYSTEM_TIME = Pattern.compile("<TimeCreated SystemTime=\"([^\"]*)\"");
    private static final Pattern DATA = Pattern.compile("<Data Name=\"([^\"]+)\"(?:/>|>([^<]*)</Data>)");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos);?");

    private final Map<String, String> system = new HashMap<>();
    private final Map<String, String> data = new HashMap<>();

    SysmonXml(String xml) {
        Matcher m = SYSTEM_TEXT.matcher(xml);
        while (m.find()) {
            system.putIfAbsent(m.group(1), unescape(m.group(2)));
        }
        Matcher time = SYSTEM_TIME.matcher(xml);
        if (time.find()) {
            system.put("SystemTime", time.group(1));
        }
        Matcher d = DATA.matcher(xml);
        while (d.find()) {
            data.put(d.group(1), d.group(2) == null ? "" : unescape(d.group(2)));
        }
    }

    /** EventID, EventRecordID, Computer or SystemTime of the System block; null if absent. */
    String system(String name) {
        return absentIfNone(system.get(name));
    }

    /** A {@code <Data Name=...>} value; null if absent, empty or "-". */
    String data(String name) {
        return absentIfNone(data.get(name));
    }

    private static String absentIfNone(String value) {
        return value == null || value.isEmpty() || "-".equals(value) ? null : value;
    }

    private static String unescape(String text) {
        return ENTITY.matcher(text).replaceAll(m -> switch (m.group(1)) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> "'";
        });
    }
}
