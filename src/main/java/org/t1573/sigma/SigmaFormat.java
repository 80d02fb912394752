package org.t1573.sigma;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.t1573.pattern.PatternDefinition;
import org.t1573.pattern.PatternError;
import org.t1573.pattern.RuleFormat;

/**
 * Sigma as a {@link RuleFormat} of pattern directories: a file with a top-level {@code logsource}
 * or {@code correlation} is Sigma, and a rule the engine cannot compile stops the load with its
 * file, line and reason, like a broken pattern file.
 */
public final class SigmaFormat implements RuleFormat {
    private static final Pattern SIGMA_KEY = Pattern.compile("(?m)^(logsource|correlation):");

    @Override
    public boolean claims(String text) {
        return SIGMA_KEY.matcher(text).find();
    }

    @Override
    public List<PatternDefinition> load(List<Path> files, List<PatternError> errors) {
        SigmaRuleSet set = SigmaRuleSet.read(files, null);
        errors.addAll(set.refused());
        return set.patterns();
    }
}
