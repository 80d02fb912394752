package org.t1573.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two beacon patterns that ask for different beacon windows: an error at the second's parameter line. */
class JobWideParametersTest {
    private static final Path BEACON = Path.of("patterns", "network", "T1573-BEACON.yml");

    @TempDir
    Path dir;

    @Test
    void patternsThatDisagreeOnTheBeaconWindowAreAnErrorAtTheParameter() throws Exception {
        String text = Files.readString(BEACON);
        Path network = Files.createDirectories(dir.resolve("network"));
        Files.writeString(network.resolve("A.yml"), text.replace("id: T1573-BEACON", "id: A"));
        Path b = network.resolve("B.yml");
        Files.writeString(b, text.replace("id: T1573-BEACON", "id: B").replace("    default: 24h", "    default: 12h"));
        Path services = Files.createDirectories(dir.resolve("services"));
        Files.copy(Path.of("patterns", "services", "periodic-services.csv"), services.resolve("periodic-services.csv"));
        int line = List.of(Files.readString(b).split("\n")).indexOf("  BeaconWindow:") + 1;

        assertThatThrownBy(() -> PatternSet.load(List.of(dir), Map.of()))
                .isInstanceOf(PatternLoadException.class)
                .hasMessageContaining(b + ":" + line + ": parameter BeaconWindow is PT12H here but PT24H in A");
        assertThat(PatternSet.load(List.of(dir), Map.of("BeaconWindow", "6h")).patterns()).hasSize(2);
    }
}
