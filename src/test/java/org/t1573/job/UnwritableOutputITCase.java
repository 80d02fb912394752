package org.t1573.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output nobody can write is a usage error before the job starts, not a run whose results are
 * lost at its end. {@code /sys} is read-only to everyone, root included (sysfs).
 */
class UnwritableOutputITCase {
    @TempDir
    Path work;

    /** {@code /sys}: the directory exists but takes no file; {@code /sys/t1573-out}: it cannot be made. */
    @ParameterizedTest(name = "--out {0}")
    @ValueSource(strings = {"/sys", "/sys/t1573-out"})
    void refusesAReadOnlyPath(String out) throws Exception {
        Cli.Result r = Cli.main(work, "backtest", "--input", "windows=samples/windows", "--out", out);
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).hasSize(1).first().asString().startsWith("--out " + out + ": cannot write there (");
        assertThat(r.out()).as("no run summary: the job never started").isEmpty();
    }

    @Test
    void refusesAnOutputUnderAFile() throws Exception {
        Path out = Files.writeString(work.resolve("a-file"), "").resolve("out");
        Cli.Result r = Cli.main(work, "backtest", "--input", "windows=samples/windows", "--out", out.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).singleElement().asString().startsWith("--out " + out + ": cannot write there");
    }

    @Test
    void refusesAReportUnderAReadOnlyPath() throws Exception {
        Cli.Result r = Cli.main(work, "backtest", "--input", "windows=samples/windows", "--out", work.resolve("out").toString(),
                "--report", "/sys/t1573/report.html");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).singleElement().asString().startsWith("--report /sys/t1573: cannot write there");
    }
}
