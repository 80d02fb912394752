package org.t1573.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.t1573.pattern.ConditionNode;

/**
 * Parses a Sigma condition ({@code selection and not 1 of filter_*}, {@code all of them},
 * parentheses; {@code not} binds tighter than {@code and}, {@code and} than {@code or}) into
 * a condition over the rule's compiled selections.
 */
final class SigmaCondition {
    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|[^\\s()]+");

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, ConditionNode> selections;
    private final int line;
    private int pos;

    private SigmaCondition(String text, Map<String, ConditionNode> selections, int line) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        this.selections = selections;
        this.line = line;
    }

    /** The condition over the selections (by name, in the order the rule defines them). */
    static ConditionNode parse(String text, Map<String, ConditionNode> selections, int line) throws SigmaException {
        SigmaCondition p = new SigmaCondition(text, selections, line);
        ConditionNode n = p.or();
        if (p.pos < p.tokens.size()) {
            throw new SigmaException(line, "condition: unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return n;
    }

    private ConditionNode or() throws SigmaException {
        List<ConditionNode> parts = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : ConditionNode.any(parts, line);
    }

    private ConditionNode and() throws SigmaException {
        List<ConditionNode> parts = new ArrayList<>(List.of(unary()));
        while (accept("and")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : ConditionNode.all(parts, line);
    }

    private ConditionNode unary() throws SigmaException {
        if (accept("not")) {
            return ConditionNode.not(unary(), line);
        }
        if (accept("(")) {
            ConditionNode inner = or();
            if (!accept(")")) {
                throw new SigmaException(line, "condition: missing ')'");
            }
            return inner;
        }
        String word = next();
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("of")) {
            pos++;
            return quantified(word, next());
        }
        ConditionNode s = selections.get(word);
        if (s == null) {
            throw new SigmaException(line, "condition names '" + word + "', which is no selection of the rule "
                    + selections.keySet());
        }
        return s;
    }

    /** {@code 1 of x*}, {@code any of them}, {@code all of selection_*}. */
    private ConditionNode quantified(String quantifier, String target) throws SigmaException {
        String q = quantifier.toLowerCase(Locale.ROOT);
        if (!q.equals("1") && !q.equals("any") && !q.equals("all")) {
            throw new SigmaException(line, "condition: '" + quantifier + " of' is not supported (1, any or all of)");
        }
        List<ConditionNode> chosen = new ArrayList<>();
        boolean them = target.equalsIgnoreCase("them");
        Pattern glob = Pattern.compile(target.replace("*", ".*").replace("?", "."));
        selections.forEach((name, node) -> {
            // "them" leaves out selections named _x, as the specification says.
            if (them ? !name.startsWith("_") : glob.matcher(name).matches()) {
                chosen.add(node);
            }
        });
        if (chosen.isEmpty()) {
            throw new SigmaException(line, "condition: '" + target + "' names no selection of the rule");
        }
        return q.equals("all") ? ConditionNode.all(chosen, line) : ConditionNode.any(chosen, line);
    }

    private boolean accept(String word) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private String next() throws SigmaException {
        if (pos >= tokens.size()) {
            throw new SigmaException(line, "condition ends too early");
        }
        return tokens.get(pos++);
    }
}
