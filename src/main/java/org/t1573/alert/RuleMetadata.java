package org.t1573.alert;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a pattern file says about its rule beyond what every alert carries: the ECS and OCSF
 * formats print it, the native alert leaves it in the pattern file.
 *
 * @param version the rule's version, null when the pattern gives none
 * @param description the pattern's description
 * @param references the pattern's reference URLs
 * @param attackNames ATT&CK names by id (technique, parent technique, tactic)
 */
public record RuleMetadata(String version, String description, List<String> references,
        Map<String, String> attackNames) implements Serializable {

    public RuleMetadata {
        references = references == null ? List.of() : List.copyOf(references);
        attackNames = attackNames == null ? Map.of() : Map.copyOf(attackNames);
    }

    /** The ATT&CK name of an id, or null when the pattern does not name it. */
    public String attackName(String id) {
        return id == null ? null : attackNames.get(id);
    }
}
