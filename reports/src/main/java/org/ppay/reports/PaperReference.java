package org.ppay.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The numbers the paper states in section 7, carried in {@code paper-reference.csv}; only ever a reference column. */
public final class PaperReference {

    static final String RESOURCE = "/org/ppay/reports/paper-reference.csv";

    /**
     * One stated number.
     *
     * @param id        stable key, used to pair it with our value
     * @param figure    the figure it belongs to
     * @param quantity  what it measures
     * @param value     the paper's value
     * @param unit      Hz, %, ratio, picopayments
     * @param where     where in the paper
     */
    public record Entry(String id, int figure, String quantity, double value, String unit, String where) {
    }

    private PaperReference() {
    }

    /** Every entry, in file order. */
    public static List<Entry> load() {
        try (InputStream in = PaperReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            final CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            final List<Entry> entries = new ArrayList<>();
            try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .setFormat(format).get()) {
                for (CSVRecord r : parser) {
                    entries.add(new Entry(r.get("id"), Integer.parseInt(r.get("figure")), r.get("quantity"),
                            Double.parseDouble(r.get("value")), r.get("unit"), r.get("where")));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
