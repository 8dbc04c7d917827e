package org.ppay.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep file: one run per line, each line a list of {@code key=value} pairs separated by spaces that override the
 * base parameters; blank lines and lines starting with {@code #} are ignored. Example:
 * <pre>
 * scheme=PPAY downtime-multiplier=1
 * scheme=RM   downtime-multiplier=20 seed=2
 * </pre>
 */
public final class SweepFile {

    private SweepFile() {
    }

    /** The parameter sets of {@code file}, each line applied to {@code base}; errors name the file and line. */
    public static List<SimulationParameters> read(Path file, SimulationParameters base) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sweep file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines, base);
    }

    static List<SimulationParameters> parse(String where, List<String> lines, SimulationParameters base) {
        final List<SimulationParameters> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final Map<String, String> overrides = new LinkedHashMap<>();
            for (String pair : line.split("\\s+")) {
                final int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(where + ": line " + (i + 1) + ": '" + pair
                            + "' is not key=value");
                }
                if (overrides.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException(where + ": line " + (i + 1) + ": " + pair.substring(0, eq)
                            + " is set twice");
                }
            }
            try {
                runs.add(base.with(overrides));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(where + ": no runs (every line is blank or a comment)");
        }
        return runs;
    }
}
