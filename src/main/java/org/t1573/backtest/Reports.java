package org.t1573.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the machine-readable reports (report.json, diff.json) as indented JSON. */
public final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    public static void writeJson(Object report, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), report);
    }

    /** A ratio as a percentage for tables, "-" when undefined. */
    static String percent(Double ratio) {
        return ratio == null ? "-" : String.format("%.0f%%", ratio * 100);
    }
}
