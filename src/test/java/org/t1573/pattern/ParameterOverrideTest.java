package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.t1573.pattern.ParameterOverride.Operation;

/** The text of a {@code --set}: which parameter, which operation, which value. */
class ParameterOverrideTest {
    @Test
    void anEqualsSignReplaces() {
        assertThat(ParameterOverride.parse("TimeWindow=30m"))
                .isEqualTo(new ParameterOverride("TimeWindow", Operation.REPLACE, "30m"));
    }

    @Test
    void plusEqualsAdds() {
        assertThat(ParameterOverride.parse("AllowedCryptoProcesses+=a.exe,b.exe"))
                .isEqualTo(new ParameterOverride("AllowedCryptoProcesses", Operation.ADD, "a.exe,b.exe"));
    }

    @Test
    void minusEqualsRemoves() {
        assertThat(ParameterOverride.parse("AN0400.AllowedCryptoProcesses-=python.exe"))
                .isEqualTo(new ParameterOverride("AN0400.AllowedCryptoProcesses", Operation.REMOVE, "python.exe"));
    }

    @Test
    void onlyTheFirstEqualsSignSeparatesTheValue() {
        assertThat(ParameterOverride.parse("CertificateAuthorityList=CN=Corp+=Root").operation()).isEqualTo(Operation.REPLACE);
    }

    @Test
    void anIdContainingDotsNamesOnePattern() {
        ParameterOverride o = ParameterOverride.parse("SEED-KQL-T1573.001.StandardPorts+=7443");

        assertThat(o.nameIn("SEED-KQL-T1573.001")).isEqualTo("StandardPorts");
        assertThat(o.nameIn("AN0400")).isNull();
    }

    @Test
    void aPlainNameIsForEveryPattern() {
        assertThat(ParameterOverride.parse("InternalNetworks-=10.0.0.0/8").nameIn("AN0400")).isEqualTo("InternalNetworks");
    }

    @Test
    void printsAsGiven() {
        assertThat(ParameterOverride.parse("InternalNetworks -= 10.0.0.0/8")).hasToString("InternalNetworks-=10.0.0.0/8");
    }

    @Test
    void textWithoutANameIsAnError() {
        assertThatThrownBy(() -> ParameterOverride.parse("+=a.exe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--set +=a.exe: expected [PatternId.]Name=value, Name+=items or Name-=items");
    }

    @Test
    void textWithoutAnEqualsSignIsAnError() {
        assertThatThrownBy(() -> ParameterOverride.parse("TimeWindow")).hasMessageStartingWith("--set TimeWindow: expected");
    }
}
