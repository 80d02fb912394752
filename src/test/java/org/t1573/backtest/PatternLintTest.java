package org.t1573.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternLintTest {
    @TempDir
    Path dir;

    @Test
    void findsNothingInTheRepositoryPatterns() throws IOException {
        assertThat(PatternLint.lint(Path.of("patterns"))).isEmpty();
    }

    @Test
    void acceptsAWellFormedPattern() throws IOException {
        writeWithTests("windows/X1.yml", pattern("X1", "windows", "T1573.002", "TA0011", "$Libs"));
        assertThat(PatternLint.lint(dir)).isEmpty();
    }

    @Test
    void flagsAFileOutsideItsPlatformDirectory() throws IOException {
        writeWithTests("linux/X1.yml", pattern("X1", "windows", "T1573", "TA0011", "$Libs"));
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("should be").contains("windows");
    }

    @Test
    void flagsAMalformedTechniqueId() throws IOException {
        writeWithTests("windows/X1.yml", pattern("X1", "windows", "T1573.1", "TA0011", "$Libs"));
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("'T1573.1'");
    }

    @Test
    void flagsAMalformedTacticId() throws IOException {
        writeWithTests("windows/X1.yml", pattern("X1", "windows", "T1573", "TA11", "$Libs"));
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("'TA11'");
    }

    @Test
    void flagsAnAttackIdWithoutItsName() throws IOException {
        writeWithTests("windows/X1.yml", pattern("X1", "windows", "T1573.002", "TA0011", "$Libs")
                .replace("  T1573: n\n", ""));
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("attack-names has no name for T1573 ");
    }

    @Test
    void flagsAnUnusedParameterButNotAnEngineOne() throws IOException {
        writeWithTests("windows/X1.yml", pattern("X1", "windows", "T1573", "TA0011", "bcrypt.dll")
                + "  BeaconMinConnections:\n    description: read by the engine\n    default: 5\n");
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("parameter Libs is never used");
    }

    @Test
    void flagsATypoInAValueWithItsLineAndASuggestion() throws IOException {
        String text = pattern("X1", "windows", "T1573", "TA0011", "$Libs")
                .replace("event.action: library_load", "event.action: libary_load");
        writeWithTests("windows/X1.yml", text);
        int line = List.of(text.split("\n")).indexOf("      event.action: libary_load") + 1;
        assertThat(line).as("the misspelt line").isPositive();
        assertThat(PatternLint.lint(dir)).singleElement().asString()
                .isEqualTo(dir.resolve("windows/X1.yml") + ":" + line + ": unknown event.action value 'libary_load' "
                        + "(did you mean library_load?)");
    }

    @Test
    void flagsADuplicateId() throws IOException {
        writeWithTests("windows/X1.yml", pattern("X1", "windows", "T1573", "TA0011", "$Libs"));
        writeWithTests("linux/X1.yml", pattern("X1", "linux", "T1573", "TA0011", "$Libs"));
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("id X1 is also used by");
    }

    @Test
    void flagsATestFileWithoutItsPattern() throws IOException {
        write("windows/X2.tests.yml", "pattern: X2\ncases:\n  - name: c\n    input: []\n    expect: []\n");
        assertThat(PatternLint.lint(dir)).singleElement().asString().contains("no pattern file");
    }

    @Test
    void flagsAPatternWithoutATestsFile() throws IOException {
        write("windows/X1.yml", pattern("X1", "windows", "T1573", "TA0011", "$Libs"));
        assertThat(PatternLint.lint(dir)).singleElement().asString()
                .startsWith(dir.resolve("windows/X1.yml") + ":1: no test cases")
                .contains(dir.resolve("windows/X1.tests.yml") + " is missing");
    }

    @Test
    void flagsAMissingTestsFileEvenWhenThePatternDoesNotLoad() throws IOException {
        write("windows/X1.yml", "id: X1\n");
        assertThat(PatternLint.lint(dir)).anySatisfy(f -> assertThat(f).startsWith(dir.resolve("windows/X1.yml")
                + ":1: no test cases"));
    }

    /** The pattern file and, as lint requires, a one-case tests file beside it named after it. */
    private void writeWithTests(String path, String text) throws IOException {
        write(path, text);
        String tests = path.replace(".yml", PatternTestFile.SUFFIX);
        String id = Path.of(path).getFileName().toString().replace(".yml", "");
        write(tests, "pattern: " + id + "\ncases:\n  - name: c\n    input: []\n    expect: []\n");
    }

    private void write(String path, String text) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static String pattern(String id, String platform, String technique, String tactic, String libs) {
        return """
                id: %s
                title: t
                status: experimental
                description: d
                technique: %s
                tactic: %s
                strategy: DET0143
                platform: %s
                severity: high
                confidence: medium
                logsources:
                  - {data_component: Module Load (DC0016), name: WinEventLog:Sysmon, channel: EventCode=7}
                group-by: [host.name, process.instance]
                sequence:
                  - step: load
                    where:
                      event.action: library_load
                      dll.name: %s
                timespan: 15m
                parameters:
                  Libs:
                    description: libraries
                    default: [bcrypt.dll]
                """.formatted(id, technique, tactic, platform, libs)
                .replace("strategy: DET0143\n", attackNames(technique, tactic) + "strategy: DET0143\n");
    }

    /** Names for the well-formed ones of the technique, its parent and the tactic, as lint asks. */
    private static String attackNames(String technique, String tactic) {
        StringBuilder names = new StringBuilder("attack-names:\n");
        for (String id : org.t1573.alert.AttackIds.of(technique, tactic)) {
            if (id.matches("T\\d{4}(\\.\\d{3})?|TA\\d{4}")) {
                names.append("  ").append(id).append(": n\n");
            }
        }
        return names.toString();
    }
}
