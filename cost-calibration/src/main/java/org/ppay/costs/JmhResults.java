package org.ppay.costs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads JMH result files as JMH writes them ({@code -rf json} or {@code -rf csv}), from JMH 1.19 on: scores that are
 * numbers or the strings {@code NaN}, {@code +INF}, {@code -INF}; secondary metrics with or without the {@code ·}
 * prefix of older versions; every mode ({@code thrpt} converted from operations per time to time per operation);
 * sample-mode percentile and histogram records; records without parameters.
 */
public final class JmhResults {

    private static final String OLD_SECONDARY_PREFIX = "\u00b7";
    private static final String PARAM_COLUMN = "Param: ";

    private JmhResults() {
    }

    /**
     * Reads one JMH result file; JSON or CSV is told from the content.
     *
     * @throws IllegalArgumentException naming the file, the record and what is wrong
     */
    public static List<JmhResult> read(Path file) {
        String text = TextFile.read(file, "JMH results");
        String where = file.toString();
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty file, not a JMH result");
        }
        return trimmed.charAt(0) == '[' ? parseJson(where, text) : parseCsv(where, text);
    }

    /** Parses JMH's JSON result format. */
    public static List<JmhResult> parseJson(String where, String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(where + ": a JMH JSON result is an array of records, found "
                    + kind(root));
        }
        JsonArray records = root.getAsJsonArray();
        List<JmhResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            results.add(parseRecord(where, i, records.get(i)));
        }
        return results;
    }

    private static JmhResult parseRecord(String where, int index, JsonElement element) {
        String at = where + ": record " + index;
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException(at + ": expected an object, found " + kind(element));
        }
        JsonObject record = element.getAsJsonObject();
        String benchmark = requiredString(at, record, "benchmark");
        at = at + " (" + benchmark + ")";
        String mode = requiredString(at, record, "mode");
        Map<String, String> params = new LinkedHashMap<>();
        JsonElement paramsElement = record.get("params");
        if (paramsElement != null && !paramsElement.isJsonNull()) {
            if (!paramsElement.isJsonObject()) {
                throw new IllegalArgumentException(at + ": 'params' must be an object, found " + kind(paramsElement));
            }
            for (Map.Entry<String, JsonElement> p : paramsElement.getAsJsonObject().entrySet()) {
                if (!p.getValue().isJsonPrimitive()) {
                    throw new IllegalArgumentException(at + ": parameter '" + p.getKey() + "' is not a value");
                }
                params.put(p.getKey(), p.getValue().getAsString());
            }
        }
        JsonElement primaryElement = record.get("primaryMetric");
        if (primaryElement == null || !primaryElement.isJsonObject()) {
            throw new IllegalArgumentException(at + ": no 'primaryMetric' object");
        }
        JsonObject primary = primaryElement.getAsJsonObject();
        double score = number(at, primary, "score");
        double error = primary.has("scoreError") ? number(at, primary, "scoreError") : Double.NaN;
        String unit = requiredString(at + ": primaryMetric", primary, "scoreUnit");
        Map<String, Double> secondary = new HashMap<>();
        JsonElement secondaryElement = record.get("secondaryMetrics");
        if (secondaryElement != null && secondaryElement.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : secondaryElement.getAsJsonObject().entrySet()) {
                if (m.getValue().isJsonObject() && m.getValue().getAsJsonObject().has("score")) {
                    secondary.put(metricName(m.getKey()),
                            number(at + ": secondary metric " + m.getKey(), m.getValue().getAsJsonObject(), "score"));
                }
            }
        }
        String jdk = record.has("jdkVersion") ? record.get("jdkVersion").getAsString() : "";
        Converted converted = toNanosPerOp(at, mode, unit, score, error);
        return new JmhResult(where, benchmark, mode, params, converted.nsPerOp, converted.nsError, secondary, jdk);
    }

    /** Parses JMH's CSV result format: a primary row per result, secondary rows named {@code benchmark:metric}. */
    public static List<JmhResult> parseCsv(String where, String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<PartialCsv> partials = new ArrayList<>();
        Map<String, PartialCsv> byKey = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of("Benchmark", "Mode", "Score", "Unit")) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException(where + ": not a JMH CSV result: no '" + column
                            + "' column (found " + header + ")");
                }
            }
            String errorColumn = header.stream().filter(h -> h.startsWith("Score Error")).findFirst().orElse(null);
            for (CSVRecord row : parser) {
                String at = where + ": line " + parser.getCurrentLineNumber();
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(at + ": has " + row.size() + " fields, the header has "
                            + header.size());
                }
                String name = row.get("Benchmark");
                String mode = row.get("Mode");
                Map<String, String> params = new LinkedHashMap<>();
                for (String column : header) {
                    if (column.startsWith(PARAM_COLUMN) && !row.get(column).isEmpty()) {
                        params.put(column.substring(PARAM_COLUMN.length()), row.get(column));
                    }
                }
                int colon = name.indexOf(':');
                String benchmark = colon < 0 ? name : name.substring(0, colon);
                String key = benchmark + "|" + mode + "|" + params;
                double score = csvNumber(at + " (" + name + ")", "Score", row.get("Score"));
                if (colon < 0) {
                    double error = errorColumn == null ? Double.NaN
                            : csvNumber(at + " (" + name + ")", errorColumn, row.get(errorColumn));
                    Converted converted = toNanosPerOp(at + " (" + name + ")", mode, row.get("Unit"), score, error);
                    PartialCsv partial = new PartialCsv(benchmark, mode, params, converted);
                    if (byKey.putIfAbsent(key, partial) != null) {
                        throw new IllegalArgumentException(at + ": " + name + " " + mode + " " + params
                                + " appears twice");
                    }
                    partials.add(partial);
                } else {
                    PartialCsv partial = byKey.get(key);
                    if (partial == null) {
                        throw new IllegalArgumentException(at + ": secondary metric " + name
                                + " comes before its benchmark's primary row");
                    }
                    partial.secondary.put(metricName(name.substring(colon + 1)), score);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(where + ": not a valid CSV file: " + e.getMessage(), e);
        }
        List<JmhResult> results = new ArrayList<>(partials.size());
        for (PartialCsv p : partials) {
            results.add(new JmhResult(where, p.benchmark, p.mode, p.params, p.converted.nsPerOp, p.converted.nsError,
                    p.secondary, ""));
        }
        return results;
    }

    private static final class PartialCsv {
        final String benchmark;
        final String mode;
        final Map<String, String> params;
        final Converted converted;
        final Map<String, Double> secondary = new HashMap<>();

        PartialCsv(String benchmark, String mode, Map<String, String> params, Converted converted) {
            this.benchmark = benchmark;
            this.mode = mode;
            this.params = params;
            this.converted = converted;
        }
    }

    private record Converted(double nsPerOp, double nsError) {
    }

    /** Converts a score in any JMH time unit to ns/op; throughput (ops per time) is inverted. */
    static Converted toNanosPerOp(String at, String mode, String unit, double score, double error) {
        String[] parts = unit.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(at + ": unknown score unit '" + unit + "'");
        }
        switch (mode) {
            case "avgt", "sample", "ss" -> {
                if (!parts[1].equals("op")) {
                    throw new IllegalArgumentException(at + ": mode " + mode + " should report time/op, found '"
                            + unit + "'");
                }
                double nanos = nanosIn(at, parts[0], unit);
                return new Converted(score * nanos, error * nanos);
            }
            case "thrpt" -> {
                if (!parts[0].equals("ops")) {
                    throw new IllegalArgumentException(at + ": mode thrpt should report ops/time, found '"
                            + unit + "'");
                }
                double nanos = nanosIn(at, parts[1], unit);
                double nsPerOp = nanos / score;
                // first-order propagation of the error of a reciprocal: d(1/x) = dx / x^2
                return new Converted(nsPerOp, nsPerOp * (error / score));
            }
            default -> throw new IllegalArgumentException(at + ": unknown JMH mode '" + mode + "'");
        }
    }

    private static double nanosIn(String at, String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us", "\u00b5s" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "hr" -> 3600e9;
            case "day" -> 86400e9;
            default -> throw new IllegalArgumentException(at + ": unknown time unit '" + timeUnit + "' in '" + unit
                    + "'");
        };
    }

    private static String metricName(String name) {
        return name.startsWith(OLD_SECONDARY_PREFIX) ? name.substring(OLD_SECONDARY_PREFIX.length()) : name;
    }

    private static String requiredString(String at, JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException(at + ": missing '" + field + "'");
        }
        return value.getAsString();
    }

    private static double number(String at, JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException(at + ": missing '" + field + "'");
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        return special(at, field, primitive.getAsString());
    }

    private static double csvNumber(String at, String column, String text) {
        return special(at, column, text.trim());
    }

    /** JMH writes NaN and infinities as strings; everything else must be a plain number. */
    private static double special(String at, String field, String text) {
        switch (text.toUpperCase(Locale.ROOT)) {
            case "NAN":
                return Double.NaN;
            case "+INF", "INF", "INFINITY", "+INFINITY":
                return Double.POSITIVE_INFINITY;
            case "-INF", "-INFINITY":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(at + ": '" + field + "' is '" + text + "', not a number", e);
                }
        }
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        return "'" + element.getAsString() + "'";
    }
}
