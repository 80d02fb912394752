package org.t1573.alert;

/** ATT&CK id conventions: a sub-technique's parent and the page of an id on attack.mitre.org. */
public final class AttackIds {
    private AttackIds() {}

    /** T1573 for T1573.001; null for a technique that is no sub-technique. */
    public static String parent(String technique) {
        int dot = technique == null ? -1 : technique.indexOf('.');
        return dot < 0 ? null : technique.substring(0, dot);
    }

    /** The ids an analytic maps to: its technique, the parent of a sub-technique, its tactic. */
    public static java.util.List<String> of(String technique, String tactic) {
        return java.util.stream.Stream.of(technique, parent(technique), tactic)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The id's page: techniques/T1573/001/ for a sub-technique, tactics/TA0011/ for a tactic. */
    static String url(String id) {
        if (id == null) {
            return null;
        }
        String path = id.startsWith("TA") ? "tactics/" + id : "techniques/" + id.replace('.', '/');
        return "https://attack.mitre.org/" + path + "/";
    }
}
