package org.t1573.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigmaValuesTest {

    /** The specification's own example of base64offset|contains: 'http://'. */
    @Test
    void base64offsetGivesTheThreeEncodingsOfTheSpecification() {
        assertThat(SigmaValues.base64Offsets("http://".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("aHR0cDovL", "h0dHA6Ly", "odHRwOi8v");
    }

    @Test
    void windashSpellsEachOptionDashFiveWays() {
        assertThat(SigmaValues.windash(" -enc ")).containsExactly(" -enc ", " /enc ", " \u2013enc ", " \u2014enc ",
                " \u2015enc ");
        // A dash inside a word is no option dash.
        assertThat(SigmaValues.windash("x-y")).containsExactly("x-y");
    }

    @Test
    void wildcardsBecomeAnchoredCaseInsensitiveExpressionsAndEscapesStayLiteral() {
        assertThat(SigmaValues.wildcardRegex("\\*.exe*", null, false))
                .as("an escaped star is a star").isEqualTo("(?is)^\\*\\.exe.*$");
        assertThat(SigmaValues.wildcardRegex("a?b", "contains", false)).isEqualTo("(?is)a.b");
        assertThat(SigmaValues.literal("C:\\\\x\\*")).isEqualTo("C:\\x*");
        assertThat(SigmaValues.literal("\\Windows\\")).isEqualTo("\\Windows\\");
    }
}
