package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/runs-csv.md documents every column of the version the code writes, and no other version. */
class RunsCsvDocsTest {

    private static final Path DOC = Path.of("..", "docs", "runs-csv.md");

    @Test
    void shouldDocumentEveryColumnByNameOrPattern() throws Exception {
        final String doc = Files.readString(DOC);
        assertTrue(doc.startsWith("# runs.csv, version " + RunsCsv.VERSION + "\n"), "the doc's version");
        final List<Pattern> patterns = new ArrayList<>();
        final Matcher m = Pattern.compile("`([a-z0-9_]*<[a-z]+>[a-z0-9_<>]*)`").matcher(doc);
        while (m.find()) {
            patterns.add(Pattern.compile(m.group(1).replaceAll("<[a-z]+>", "[a-z0-9_]+")));
        }
        final List<String> undocumented = new ArrayList<>();
        for (String column : RunsCsv.columns()) {
            final boolean named = Pattern.compile("[`, ]" + column + "[`,]").matcher(doc).find();
            if (!named && patterns.stream().noneMatch(p -> p.matcher(column).matches())) {
                undocumented.add(column);
            }
        }
        assertEquals(List.of(), undocumented, "columns docs/runs-csv.md does not name");
        assertTrue(doc.contains(RunsCsv.columns().size() + " columns"), "the doc states the column count");
    }
}
