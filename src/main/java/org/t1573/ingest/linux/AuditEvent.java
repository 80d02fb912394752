package org.t1573.ingest.linux;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.t1573.event.Event;
import org.t1573.event.EventAction;
import org.t1573.event.EventOutcome;
import org.t1573.event.NetworkDirection;
import org.t1573.ingest.MalformedRecordException;

/**
 * The records of one audit event (one {@code audit(time:serial)} id) read so far, folded into
 * the event they describe: a SYSCALL execve gives a process start, a SYSCALL connect with an
 * IPv4/IPv6 SOCKADDR an outbound connection. Every record is checked as it arrives, so a bad
 * one is reported at its own line.
 */
final class AuditEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String SOURCE = "auditd";
    /**
     * More arguments than an execve can have: Linux gives argv and the environment 2 MiB by
     * default (a quarter of the 8 MiB stack), and every argument takes at least its NUL byte.
     */
    static final int MAX_ARGUMENTS = 1 << 21;
    /** connect() of a non-blocking socket: the outcome is not known yet. */
    private static final long EINPROGRESS = -115;

    private final String key;
    private final Event event = new Event();
    private String syscall;
    private boolean succeeded;
    private Long exit;
    private String argv;
    private String proctitle;
    private SockAddr address;

    AuditEvent(AuditRecord first) {
        key = first.eventKey();
        event.timestamp = first.timestamp();
        event.hostName = first.node();
        event.id = key;
        event.provider = SOURCE;
    }

    String key() {
        return key;
    }

    void add(AuditRecord r) throws MalformedRecordException {
        AuditKeyValueReader f = r.fields();
        switch (r.type()) {
            case "SYSCALL" -> syscall(f);
            case "EXECVE" -> argv = arguments(f);
            case "PROCTITLE" -> proctitle = f.text("proctitle");
            case "SOCKADDR" -> address = SockAddr.decode(f.raw("saddr"), SOURCE);
            default -> { } // CWD, PATH, EOE and the rest add nothing the analytics use
        }
    }

    private void syscall(AuditKeyValueReader f) throws MalformedRecordException {
        syscall = Syscalls.name(f.raw("arch"), f.raw("syscall"));
        succeeded = "yes".equals(f.raw("success"));
        exit = f.number("exit", SOURCE);
        event.processPid = f.number("pid", SOURCE);
        event.parentPid = f.number("ppid", SOURCE);
        event.processExecutable = f.text("exe");
        event.processName = event.processExecutable != null
                ? LinuxEvents.baseName(event.processExecutable) : f.text("comm");
        String user = f.text("UID");
        event.userName = user != null ? user : f.raw("uid");
        event.code = syscall;
    }

    /**
     * argv from a0..a(argc-1); an argument too long for one record comes as aN[0], aN[1], ... The
     * arguments are read as far as the record holds them, so argc, which the record claims, sizes
     * nothing: a huge argc with one argument costs one argument.
     */
    private static String arguments(AuditKeyValueReader f) throws MalformedRecordException {
        Long argc = f.number("argc", SOURCE);
        if (argc == null) {
            throw new MalformedRecordException(SOURCE + ": EXECVE record without argc");
        }
        if (argc < 0 || argc > MAX_ARGUMENTS) {
            throw new MalformedRecordException(SOURCE + ": EXECVE argc " + argc + " is not an argument count (0 to "
                    + MAX_ARGUMENTS + ")");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < argc; i++) {
            String name = "a" + i;
            if (f.has(name)) {
                args.add(Objects.requireNonNullElse(f.text(name), ""));
            } else if (f.has(name + "[0]")) {
                StringBuilder parts = new StringBuilder();
                for (int part = 0; f.has(name + "[" + part + "]"); part++) {
                    parts.append(f.text(name + "[" + part + "]"));
                }
                args.add(parts.toString());
            } else {
                break; // the kernel writes the rest of a long argv in further EXECVE records
            }
        }
        return String.join(" ", args);
    }

    /** The event these records describe, or null for one no analytic uses. */
    Event finish() {
        if (syscall == null) {
            return null;
        }
        return switch (syscall) {
            case Syscalls.EXECVE, Syscalls.EXECVEAT -> succeeded ? processStart() : null;
            case Syscalls.CONNECT -> address != null ? connection() : null;
            default -> null;
        };
    }

    private Event processStart() {
        // No process.start: connect records cannot carry it, and process.instance must join them.
        event.processCommandLine = argv != null ? argv : proctitle;
        return LinuxEvents.mark(EventAction.PROCESS_START, event, SOURCE);
    }

    private Event connection() {
        event.processCommandLine = proctitle;
        event.destinationIp = address.ip();
        event.destinationPort = address.port();
        event.networkDirection = NetworkDirection.OUTBOUND.value();
        event.outcome = (succeeded ? EventOutcome.SUCCESS
                : exit != null && exit == EINPROGRESS ? EventOutcome.UNKNOWN : EventOutcome.FAILURE).value();
        return LinuxEvents.mark(EventAction.NETWORK_CONNECTION, event, SOURCE);
    }
}
