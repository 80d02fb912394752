package org.t1573.ingest.esxi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.ingest.MalformedRecordException;
import org.t1573.ingest.Timestamps;

/**
 * One line of a VMware daemon log (hostd, vpxa, vpxd), in the three framings it arrives in:
 * <ul>
 *   <li>plain, as in {@code /var/log/hostd.log}:
 *       {@code 2022-11-04T10:00:00.123Z info hostd[2099235] [Originator@6876 sub=...] message}
 *       (ESXi 8 writes the level as {@code In(166)} and a ':' after the pid);</li>
 *   <li>RFC 3164 syslog: {@code <166>2022-11-04T15:01:58.230Z ESXI Hostd: info hostd[1053970] [...] message};</li>
 *   <li>RFC 5424 syslog: {@code <14>1 2021-09-06T14:40:13.263383+00:00 vcenter vpxd 58650 - - message},
 *       the Originator block possibly in the structured-data field.</li>
 * </ul>
 *
 * @param time the line's time (the syslog header's, when wrapped)
 * @param host the sending host, null for a plain line
 * @param tag the program as logged (Hostd, vpxd)
 * @param pid the logged process id, null if the line has none
 * @param sub the Originator block's {@code sub=} (the daemon's component), or null
 * @param message the free text after the prefixes
 */
record VmwareLogLine(long time, String host, String tag, Long pid, String sub, String message) {

    private static final String LEVEL = "(?:[a-z]+|[A-Z][a-z]\\(\\d+\\))";
    private static final String PROGRAM = "([A-Za-z][\\w.-]*)\\[(\\d+)\\]:?";
    private static final Pattern PLAIN = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+) " + LEVEL + " " + PROGRAM + " ?(.*)$");
    private static final Pattern RFC3164 =
            Pattern.compile("^<\\d{1,3}>(\\d{4}-\\d\\d-\\d\\dT\\S+) (\\S+) ([^\\s:\\[]+)(?:\\[(\\d+)\\])?: ?(.*)$");
    private static final Pattern RFC5424 = Pattern.compile("^<\\d{1,3}>1 (\\S+) (\\S+) (\\S+) (\\S+) \\S+ "
            + "(-|(?:\\[(?:[^\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\])+) ?(.*)$");
    /** The level and program a wrapped hostd line repeats after the syslog header. */
    private static final Pattern INNER_PREFIX = Pattern.compile("^" + LEVEL + " " + PROGRAM + " ?");
    private static final Pattern ORIGINATOR = Pattern.compile("^\\[Originator@\\d+([^\\]]*)\\] ?");
    private static final Pattern SUB = Pattern.compile("\\bsub=([^\\s\\]]+)");

    /** The line, read in whichever framing it has. */
    static VmwareLogLine parse(String line, String host, String source) throws MalformedRecordException {
        Matcher m = RFC5424.matcher(line);
        if (m.matches()) {
            String sd = m.group(5);
            return inner(time(m.group(1), source), nil(m.group(2)), m.group(3), pid(m.group(4)),
                    "-".equals(sd) ? null : sub(sd), m.group(6));
        }
        m = RFC3164.matcher(line);
        if (m.matches()) {
            return inner(time(m.group(1), source), m.group(2), m.group(3), pid(m.group(4)), null, m.group(5));
        }
        m = PLAIN.matcher(line);
        if (m.matches()) {
            return inner(time(m.group(1), source), host, m.group(2), pid(m.group(3)), null, m.group(4));
        }
        throw new MalformedRecordException(source + ": not a VMware log line (expected '<time> <level> <program>[<pid>]"
                + " ...' plain or in RFC 3164/5424 syslog framing)");
    }

    /** Strips what a wrapped line repeats (level, program[pid]) and the Originator block. */
    private static VmwareLogLine inner(long time, String host, String tag, Long pid, String sub, String text) {
        String rest = text.strip();
        Matcher prefix = INNER_PREFIX.matcher(rest);
        if (prefix.find()) {
            pid = pid != null ? pid : Long.valueOf(prefix.group(2));
            rest = rest.substring(prefix.end());
        }
        Matcher originator = ORIGINATOR.matcher(rest);
        if (originator.find()) {
            sub = sub != null ? sub : sub(originator.group(1));
            rest = rest.substring(originator.end());
        }
        return new VmwareLogLine(time, host, tag, pid, sub, rest.strip());
    }

    private static long time(String text, String source) throws MalformedRecordException {
        try {
            return Timestamps.toEpochMillis(text);
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException(source + ": log time " + e.getMessage(), e);
        }
    }

    private static Long pid(String text) {
        return text == null || "-".equals(text) || !text.chars().allMatch(Character::isDigit) ? null : Long.valueOf(text);
    }

    private static String sub(String text) {
        Matcher m = SUB.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String nil(String text) {
        return "-".equals(text) ? null : text;
    }
}
