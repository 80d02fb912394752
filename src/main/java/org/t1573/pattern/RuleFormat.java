package org.t1573.pattern;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A rule language other than the pattern files that compiles into the same {@link PatternDefinition}
 * (Sigma). Found with {@link ServiceLoader}, so the pattern package depends on no such language:
 * {@link PatternSet} hands each format the files it claims, all together, since one rule may refer
 * to another (a Sigma correlation names its rules).
 */
public interface RuleFormat {

    /** Whether the file, by its text, is a rule of this format. */
    boolean claims(String text);

    /** The definitions of the claimed files; each problem is added to {@code errors} with its file and line. */
    List<PatternDefinition> load(List<Path> files, List<PatternError> errors);

    /** The formats on the class path. */
    static List<RuleFormat> installed() {
        return ServiceLoader.load(RuleFormat.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
