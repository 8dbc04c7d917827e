package org.ppay.costs;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The price list of the cost model: for every {@link CostAction}, nanoseconds and cycles per operation and bytes sent,
 * as measured on one host with one signature suite. Immutable; complete by construction: one entry per action, except
 * that the {@link CostAction#optional() optional} transport actions may be absent (tables from before they existed).
 *
 * <p>Read from and written to {@code costs.csv}: a header line with {@link #COLUMNS}, then one row per action.
 */
public final class CostTable {

    /** The columns of {@code costs.csv}, in the order they are written. */
    public static final List<String> COLUMNS = List.of("action", "suite", "ns_per_op", "ns_error", "cycles_per_op",
            "bytes", "source_benchmark", "cpu_model", "ghz", "jdk");

    /** The classpath resource of the embedded default calibration. */
    public static final String DEFAULT_RESOURCE = "/org/ppay/costs/default-costs.csv";
    /** The same run calibrated with {@code --regime sparse}: the broker priced after an idle gap. */
    public static final String DEFAULT_SPARSE_RESOURCE = "/org/ppay/costs/default-costs-sparse.csv";

    /** The host description written beside the embedded default calibration. */
    public static final String DEFAULT_HOST_RESOURCE = "/org/ppay/costs/default-host.json";

    private static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final Map<CostAction, CostEntry> entries;
    private final String suite;
    private final String id;

    private CostTable(String sourceName, Map<CostAction, CostEntry> entries) {
        this.entries = Collections.unmodifiableMap(new EnumMap<>(entries));
        this.suite = entries.get(CostAction.values()[0]).suite();
        this.id = sourceName + ":" + suite + ":" + contentHash(toCsv());
    }

    /**
     * A table from one entry per action, all measured with the same suite.
     *
     * @param sourceName what the table was made from (a file name); the first part of {@link #id()}
     * @throws IllegalArgumentException naming the problem when an action is missing or repeated, or suites differ
     */
    public static CostTable of(String sourceName, Collection<CostEntry> entries) {
        requireSourceName(sourceName);
        return build(sourceName, sourceName, entries);
    }

    private static CostTable build(String sourceName, String where, Collection<CostEntry> entries) {
        Map<CostAction, CostEntry> byAction = new EnumMap<>(CostAction.class);
        String firstSuite = null;
        for (CostEntry entry : entries) {
            if (byAction.put(entry.action(), entry) != null) {
                throw new IllegalArgumentException(where + ": action " + entry.action().csvName()
                        + " appears more than once");
            }
            if (firstSuite == null) {
                firstSuite = entry.suite();
            } else if (!firstSuite.equals(entry.suite())) {
                throw new IllegalArgumentException(where + ": action " + entry.action().csvName()
                        + " was measured with suite " + entry.suite() + " but earlier rows with " + firstSuite
                        + "; a cost table holds one suite");
            }
        }
        requireComplete(where, byAction.keySet());
        return new CostTable(sourceName, byAction);
    }

    /**
     * Reads a {@code costs.csv}.
     *
     * @throws IllegalArgumentException naming the file, the row and what is wrong, for malformed or incomplete content
     * @throws UncheckedIOException when the file cannot be read
     */
    public static CostTable read(Path costsCsv) {
        String text = TextFile.read(costsCsv, "cost table");
        Path fileName = costsCsv.getFileName();
        return parse(fileName == null ? costsCsv.toString() : fileName.toString(), costsCsv.toString(),
                new StringReader(text));
    }

    /**
     * The calibration that ships in the jar, measured on the build's reference host.
     *
     * @throws IllegalStateException when this build carries none
     */
    public static CostTable embeddedDefault() {
        return embedded(DEFAULT_RESOURCE, "default-costs.csv").orElseThrow(() -> new IllegalStateException(
                "this build has no embedded default cost table (" + DEFAULT_RESOURCE + "): measure one with"
                        + " ./ppay bench, turn it into costs.csv with ./ppay calibrate, and pass that file instead"));
    }

    /** Whether this build carries an embedded default calibration. */
    public static boolean hasEmbeddedDefault() {
        return CostTable.class.getResource(DEFAULT_RESOURCE) != null;
    }

    /**
     * The embedded default's run calibrated for a lightly loaded broker ({@code ppay calibrate --regime sparse}), if
     * this build carries it.
     */
    public static Optional<CostTable> embeddedSparse() {
        return embedded(DEFAULT_SPARSE_RESOURCE, "default-costs-sparse.csv");
    }

    private static Optional<CostTable> embedded(String resource, String sourceName) {
        try (InputStream in = CostTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(parse(sourceName, "embedded " + resource, new StringReader(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedded " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code costs.csv} content.
     *
     * @param sourceName the short name that starts {@link #id()}
     * @param where      how errors name the source (usually the path)
     */
    public static CostTable parse(String sourceName, String where, Reader csv) {
        requireSourceName(sourceName);
        List<CostEntry> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(READ_FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException(where + ": header lacks column '" + column + "' (found "
                            + header + ", expected " + COLUMNS + ")");
                }
            }
            Set<CostAction> seen = EnumSet.noneOf(CostAction.class);
            for (CSVRecord record : parser) {
                CostEntry entry = parseRow(where, record, header.size());
                if (!seen.add(entry.action())) {
                    throw new IllegalArgumentException(where + ": line " + record.getParser().getCurrentLineNumber()
                            + ": action " + entry.action().csvName() + " appears more than once");
                }
                rows.add(entry);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(where + ": not a valid CSV file: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(where + ": no rows; a cost table needs one row per action");
        }
        return build(sourceName, where, rows);
    }

    private static CostEntry parseRow(String where, CSVRecord record, int columns) {
        String at = where + ": line " + record.getParser().getCurrentLineNumber();
        if (record.size() != columns) {
            throw new IllegalArgumentException(at + ": has " + record.size() + " fields, the header has " + columns);
        }
        String actionName = record.get("action");
        CostAction action = actionNamed(actionName);
        if (action == null) {
            throw new IllegalArgumentException(at + ": unknown action '" + actionName + "'");
        }
        at = at + " (action " + actionName + ")";
        try {
            return new CostEntry(action,
                    record.get("suite"),
                    number(at, record, "ns_per_op"),
                    number(at, record, "ns_error"),
                    number(at, record, "cycles_per_op"),
                    integer(at, record, "bytes"),
                    record.get("source_benchmark"),
                    record.get("cpu_model"),
                    number(at, record, "ghz"),
                    record.get("jdk"));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(at)) {
                throw e;
            }
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private static double number(String at, CSVRecord record, String column) {
        String text = record.get(column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + ": " + column + " '" + text + "' is not a number", e);
        }
    }

    private static int integer(String at, CSVRecord record, String column) {
        String text = record.get(column);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + ": " + column + " '" + text + "' is not a whole number", e);
        }
    }

    /** The action whose {@link CostAction#csvName()} is {@code csvName}, or null. */
    public static CostAction actionNamed(String csvName) {
        for (CostAction action : CostAction.values()) {
            if (action.csvName().equals(csvName)) {
                return action;
            }
        }
        return null;
    }

    private static void requireComplete(String where, Set<CostAction> present) {
        List<String> missing = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            if (!present.contains(action) && !action.optional()) {
                missing.add(action.csvName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing action(s) " + String.join(", ", missing));
        }
    }

    private static void requireSourceName(String sourceName) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("a cost table needs a source name");
        }
    }

    /** The action's row; null only for an {@link CostAction#optional() optional} action the table lacks. */
    public CostEntry entry(CostAction action) {
        return entries.get(Objects.requireNonNull(action, "action"));
    }

    /** Whether the table prices the action: always for the required ones, for optional ones when it has their row. */
    public boolean has(CostAction action) {
        return entries.containsKey(Objects.requireNonNull(action, "action"));
    }

    /** The optional actions the table lacks (priced at zero), in {@link CostAction} order; empty for a full table. */
    public List<CostAction> unpriced() {
        List<CostAction> absent = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            if (!has(action)) {
                absent.add(action);
            }
        }
        return absent;
    }

    /** Every entry, in {@link CostAction} order. */
    public Collection<CostEntry> entries() {
        return entries.values();
    }

    /** Nanoseconds per operation; 0 for an optional action the table lacks (see {@link #unpriced()}). */
    public double nsPerOp(CostAction action) {
        CostEntry entry = entry(action);
        return entry == null ? 0 : entry.nsPerOp();
    }

    /** Cycles per operation; 0 for an optional action the table lacks (see {@link #unpriced()}). */
    public double cyclesPerOp(CostAction action) {
        CostEntry entry = entry(action);
        return entry == null ? 0 : entry.cyclesPerOp();
    }

    /** Bytes of the message(s) the action sends; 0 when it sends none (or the table lacks the optional action). */
    public int bytes(CostAction action) {
        CostEntry entry = entry(action);
        return entry == null ? 0 : entry.bytes();
    }

    /** The signature suite every entry was measured with. */
    public String suite() {
        return suite;
    }

    /** {@code <source file>:<suite>:<first 8 hex digits of the SHA-256 of the CSV content>}; stable across runs. */
    public String id() {
        return id;
    }

    /** Writes the table as {@code costs.csv}, replacing the file atomically where the file system allows. */
    public void write(Path costsCsv) {
        try {
            Path parent = costsCsv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path temp = Files.createTempFile(parent, ".costs", ".csv.tmp");
            try {
                Files.writeString(temp, toCsv(), StandardCharsets.UTF_8);
                Files.move(temp, costsCsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cost table " + costsCsv + ": " + e.getMessage(), e);
        }
    }

    /** The table as {@code costs.csv} text. */
    public String toCsv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE_FORMAT)) {
            for (CostEntry e : entries.values()) {
                printer.printRecord(e.action().csvName(), e.suite(), e.nsPerOp(), e.nsError(), e.cyclesPerOp(),
                        e.bytes(), e.sourceBenchmark(), e.cpuModel(), e.ghz(), e.jdk());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String contentHash(String csv) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CostTable that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "CostTable[" + id + "]";
    }
}
