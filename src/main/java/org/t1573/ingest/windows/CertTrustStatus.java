package org.t1573.ingest.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CAPI2 certificate verdicts in words, for {@code tls.validation_status}: the CERT_TRUST_*
 * error bits of a chain (wincrypt.h) and the HRESULT of a chain policy check (winerror.h), e.g.
 * "untrusted root (CERT_TRUST_IS_UNTRUSTED_ROOT); partial chain (CERT_TRUST_IS_PARTIAL_CHAIN)".
 * The symbolic name stays in brackets so an analyst can look it up and a pattern can match it.
 */
final class CertTrustStatus {

    /** The status of a chain without errors (Zeek's word for it too). */
    static final String OK = "ok";

    private static final String TRUST_PREFIX = "CERT_TRUST_";

    private static final Map<Long, String[]> CHAIN_ERRORS = new LinkedHashMap<>();
    private static final Map<Long, String[]> RESULTS = new LinkedHashMap<>();

    static {
        chainError(0x1L, "IS_NOT_TIME_VALID", "not time valid");
        chainError(0x4L, "IS_REVOKED", "revoked");
        chainError(0x8L, "IS_NOT_SIGNATURE_VALID", "signature not valid");
        chainError(0x10L, "IS_NOT_VALID_FOR_USAGE", "not valid for usage");
        chainError(0x20L, "IS_UNTRUSTED_ROOT", "untrusted root");
        chainError(0x40L, "REVOCATION_STATUS_UNKNOWN", "revocation status unknown");
        chainError(0x80L, "IS_CYCLIC", "cyclic chain");
        chainError(0x800L, "INVALID_NAME_CONSTRAINTS", "invalid name constraints");
        chainError(0x10000L, "IS_PARTIAL_CHAIN", "partial chain");
        chainError(0x1000000L, "IS_OFFLINE_REVOCATION", "revocation offline");
        chainError(0x4000000L, "IS_EXPLICIT_DISTRUST", "explicitly distrusted");
        result(0x800B0101L, "CERT_E_EXPIRED", "expired");
        result(0x800B0109L, "CERT_E_UNTRUSTEDROOT", "untrusted root");
        result(0x800B010AL, "CERT_E_CHAINING", "chain not built to a trusted root");
        result(0x800B010CL, "CERT_E_REVOKED", "revoked");
        result(0x800B010FL, "CERT_E_CN_NO_MATCH", "name mismatch");
        result(0x800B0110L, "CERT_E_WRONG_USAGE", "wrong usage");
        result(0x800B0112L, "CERT_E_UNTRUSTEDCA", "untrusted CA");
        result(0x80092012L, "CRYPT_E_NO_REVOCATION_CHECK", "no revocation check");
        result(0x80092013L, "CRYPT_E_REVOCATION_OFFLINE", "revocation offline");
    }

    private CertTrustStatus() {}

    private static void chainError(long bit, String name, String words) {
        CHAIN_ERRORS.put(bit, new String[] {TRUST_PREFIX + name, words});
    }

    private static void result(long code, String name, String words) {
        RESULTS.put(code, new String[] {name, words});
    }

    /**
     * The errors of a chain's ErrorStatus: its hex value ("10020", "0x20") or its flag names
     * ("CERT_TRUST_IS_UNTRUSTED_ROOT CERT_TRUST_IS_PARTIAL_CHAIN"); null when there are none.
     *
     * @throws IllegalArgumentException if the value is neither
     */
    static String ofChainErrors(String errorStatus) {
        String text = errorStatus.trim();
        if (text.startsWith(TRUST_PREFIX)) {
            return ofFlagNames(text);
        }
        long bits = hex(text, "not a CERT_TRUST error status");
        List<String> parts = new ArrayList<>();
        long unknown = bits;
        for (Map.Entry<Long, String[]> error : CHAIN_ERRORS.entrySet()) {
            if ((bits & error.getKey()) != 0) {
                parts.add(words(error.getValue()));
                unknown &= ~error.getKey();
            }
        }
        if (unknown != 0) {
            parts.add("trust error 0x" + Long.toHexString(unknown).toUpperCase(Locale.ROOT));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /**
     * The verdict of a Result HRESULT ("800B0109", "0x800B010F"); null for 0 (success).
     *
     * @throws IllegalArgumentException if the value is not hexadecimal
     */
    static String ofResult(String result) {
        long code = hex(result.trim(), "not a result code");
        if (code == 0) {
            return null;
        }
        String[] known = RESULTS.get(code);
        String hex = "0x" + Long.toHexString(code).toUpperCase(Locale.ROOT);
        return known == null ? "error " + hex : known[1] + " (" + known[0] + " " + hex + ")";
    }

    private static String ofFlagNames(String text) {
        List<String> parts = new ArrayList<>();
        for (String name : text.split("[\\s,;|]+")) {
            parts.add(CHAIN_ERRORS.values().stream().filter(e -> e[0].equalsIgnoreCase(name)).findFirst()
                    .map(CertTrustStatus::words).orElse(name));
        }
        return String.join("; ", parts);
    }

    private static String words(String[] error) {
        return error[1] + " (" + error[0] + ")";
    }

    private static long hex(String text, String what) {
        String digits = text.regionMatches(true, 0, "0x", 0, 2) ? text.substring(2) : text;
        try {
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what, e);
        }
    }
}
