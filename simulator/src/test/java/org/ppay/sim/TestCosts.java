package org.ppay.sim;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.ppay.costs.CostTable;

/**
 * A price list for tests, read through the real costs.csv parser: made-up cycles per action in plausible Ed25519
 * ratios (a verification about twice a signature, a hash a thousand cycles). Never a measurement.
 */
final class TestCosts {

    private TestCosts() {
    }

    static CostTable table() {
        try (Reader in = new InputStreamReader(TestCosts.class.getResourceAsStream("test-costs.csv"),
                StandardCharsets.UTF_8)) {
            return CostTable.parse("test-costs.csv", "test resource", in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
