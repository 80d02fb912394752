package org.t1573.ingest.linux;

import java.util.Locale;
import java.util.Map;

/**
 * Names of the syscalls the analytics use, from the number and {@code arch} of a SYSCALL
 * record; interpreted logs ({@code ausearch -i}) already carry the name.
 */
final class Syscalls {

    static final String EXECVE = "execve";
    static final String EXECVEAT = "execveat";
    static final String CONNECT = "connect";
    static final String SOCKET = "socket";

    /** AUDIT_ARCH_X86_64 and AUDIT_ARCH_AARCH64, as auditd writes them. */
    private static final Map<String, Map<Integer, String>> BY_ARCH = Map.of(
            "c000003e", Map.of(59, EXECVE, 322, EXECVEAT, 41, SOCKET, 42, CONNECT),
            "c00000b7", Map.of(221, EXECVE, 281, EXECVEAT, 198, SOCKET, 203, CONNECT));

    private static final int MAX_DIGITS = 9;

    private Syscalls() {}

    /** The name, or null for a syscall no analytic uses or an architecture not listed. */
    static String name(String arch, String syscall) {
        if (syscall == null) {
            return null;
        }
        if (syscall.isEmpty() || !syscall.chars().allMatch(Character::isDigit)) {
            return syscall.isEmpty() ? null : syscall;
        }
        // No table holds a number of ten digits or more; parsing one would overflow an int.
        if (syscall.length() > MAX_DIGITS) {
            return null;
        }
        Map<Integer, String> table = arch == null ? null : BY_ARCH.get(arch.toLowerCase(Locale.ROOT));
        return table == null ? null : table.get(Integer.parseInt(syscall));
    }
}
