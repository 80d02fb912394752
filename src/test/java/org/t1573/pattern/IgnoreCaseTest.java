package org.t1573.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The fast paths must agree with lower-casing the whole value, the rule they replace. */
class IgnoreCaseTest {

    private static final List<String> VALUES = List.of(
            "", "a", "A", "bcrypt.dll", "BCRYPT.DLL", "C:\\Windows\\System32\\BCrypt.dll", "cmd.exe",
            "\u212Aerberos.dll", "KERBEROS.DLL", "\u0130stanbul.exe", "istanbul.exe", "i\u0307stanbul.exe",
            "\u03A3\u039F\u03A3.exe", "σοσ.exe", "σος.exe", "ncrypt", "NCRYPT.DLL\u00e9", "ncrypt.dll\u00c9",
            "C:\\Program Files\\Mozilla Firefox\\firefox.exe", "FIREFOX.EXE", "rundll32.exe", "rUnDlL32.ExE");

    @Test
    void setMembershipAgreesWithLowerCasingEverything() {
        List<String> members = List.of("bcrypt.dll", "KERBEROS.DLL", "\u0130stanbul.exe", "σος.exe", "ncrypt.dll\u00e9",
                "rundll32.exe");
        IgnoreCase set = new IgnoreCase(members);
        java.util.Set<String> reference = new java.util.HashSet<>();
        members.forEach(m -> reference.add(m.toLowerCase(Locale.ROOT)));
        for (String v : VALUES) {
            assertEquals(reference.contains(v.toLowerCase(Locale.ROOT)), set.contains(v), v);
        }
        assertTrue(set.contains("BCrypt.DLL"));
        assertTrue(set.contains("\u212Aerberos.dll"));
        assertFalse(set.contains("bcrypt.dl"));
    }

    @Test
    void prefixAndSuffixAgreeWithLowerCasingEverything() {
        for (String needle : VALUES) {
            String n = needle.toLowerCase(Locale.ROOT);
            for (String v : VALUES) {
                String lower = v.toLowerCase(Locale.ROOT);
                assertEquals(lower.startsWith(n), IgnoreCase.startsWith(v, n), v + " startswith " + n);
                assertEquals(lower.endsWith(n), IgnoreCase.endsWith(v, n), v + " endswith " + n);
            }
        }
    }

    @Test
    void largeSetsFindEveryMember() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("Process" + i + ".EXE");
        }
        IgnoreCase set = new IgnoreCase(many);
        for (int i = 0; i < 500; i++) {
            assertTrue(set.contains("process" + i + ".exe"));
        }
        assertFalse(set.contains("process500.exe"));
        assertFalse(new IgnoreCase(List.of()).contains("x"));
    }
}
