package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bad option is one line on stderr and exit code 2 before anything starts (no job, no output
 * directory), each in a JVM of its own as a user runs it; a bad pattern file the same, with its
 * errors listed by file and line.
 */
class UsageErrorsITCase {
    @TempDir
    Path work;

    @ParameterizedTest(name = "--parallelism {0}")
    @ValueSource(strings = {"0", "-1", "100000"})
    void rejectsAParallelismOutsideOneTo128(String parallelism) throws Exception {
        assertUsageError("--parallelism must be between 1 and 128, not " + parallelism, "--parallelism", parallelism);
    }

    @Test
    void rejectsFromAfterTo() throws Exception {
        assertUsageError("--from 2026-03-03T00:00:00Z is not before --to 2026-03-01T00:00:00Z",
                "--from", "2026-03-03T00:00:00Z", "--to", "2026-03-01T00:00:00Z");
    }

    @Test
    void offersOnlyBatchAndStreamingModes() throws Exception {
        assertUsageError("Invalid value for option '--mode': expected one of [BATCH, STREAMING] (case-insensitive) "
                + "but was 'AUTOMATIC' (see t1573-cep backtest --help)", "--mode", "AUTOMATIC");
    }

    @Test
    void rejectsTheStreamCommandsParallelismBeforeConnecting() throws Exception {
        Cli.Result r = Cli.main(work, "stream", "--bootstrap-servers", "127.0.0.1:1", "--topic", "windows=t",
                "--parallelism", "0");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).containsExactly("--parallelism must be between 1 and 128, not 0");
    }

    @Test
    void refusesToStartOnAMisspeltValueInAPatternWithItsFileLineAndASuggestion() throws Exception {
        Path patterns = Files.createDirectories(work.resolve("patterns/windows"));
        Path file = patterns.resolve("AN0400.yml");
        List<String> lines = Files.readAllLines(Path.of("patterns/windows/AN0400.yml"));
        int typo = lines.indexOf("      event.action: library_load");
        assertThat(typo).as("the line to misspell").isNotNegative();
        lines.set(typo, "      event.action: libary_load");
        Files.write(file, lines);
        Path out = work.resolve("out");

        Cli.Result r = Cli.main(work, "backtest", "--input", "windows=samples/windows", "--patterns", file.toString(),
                "--out", out.toString());

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("  " + file + ":" + (typo + 1)
                + ": unknown event.action value 'libary_load' (did you mean library_load?)");
        assertThat(r.err()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        assertThat(out).doesNotExist();
    }

    @Test
    void aFileNoChannelRecognisesIsOneLineNamingItAndNothingRuns() throws Exception {
        Path notes = Files.writeString(work.resolve("notes.txt"), "meeting notes, not telemetry\n");
        Path out = work.resolve("out");

        Cli.Result r = Cli.main(work, "backtest", "--input", notes.toString(), "--out", out.toString());

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).singleElement().asString()
                .startsWith("--input " + notes + ": no channel recognises this file");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aMisspelledSetNameIsAnErrorSuggestingTheParameter() throws Exception {
        assertPatternError("--set:0: no loaded pattern has a parameter AllowedCryptoProcess (did you mean "
                + "AllowedCryptoProcesses?)", "--set", "AllowedCryptoProcess+=ouragent.exe");
    }

    @Test
    void addingToAParameterThatIsNoListIsAnError() throws Exception {
        assertPatternError("patterns/windows/AN0400.yml:", "--set", "AN0400.TimeWindow+=5m");
    }

    @Test
    void removingAnItemNoListHoldsIsAnError() throws Exception {
        assertPatternError("--set:0: AllowedCryptoProcesses-=nosuch.exe: nosuch.exe is in no AllowedCryptoProcesses "
                + "list", "--set", "AllowedCryptoProcesses-=nosuch.exe");
    }

    @Test
    void aSetWithoutANameIsAUsageError() throws Exception {
        assertUsageError("Invalid value for option '--set' (Name[+-]=value): --set +=a.exe: expected "
                + "[PatternId.]Name=value, Name+=items or Name-=items", "--set", "+=a.exe");
    }

    /** A pattern or --set error: every error a line (file:line: reason), exit code 2, no stack trace, nothing run. */
    private void assertPatternError(String message, String... option) throws Exception {
        Cli.Result r = refusedBacktest(option);
        assertThat(r.err()).first().asString().endsWith("error(s) in pattern files:");
        assertThat(r.err()).anySatisfy(l -> assertThat(l.strip()).startsWith(message))
                .noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    }

    private void assertUsageError(String message, String... option) throws Exception {
        assertThat(refusedBacktest(option).err()).hasSize(1).first().asString().startsWith(message);
    }

    /** A backtest of the Windows samples with the options, which must exit 2 having run and written nothing. */
    private Cli.Result refusedBacktest(String... option) throws Exception {
        Path out = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("backtest", "--input", "windows=samples/windows", "--out", out.toString()));
        args.addAll(List.of(option));
        Cli.Result r = Cli.main(work, args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        return r;
    }
}
