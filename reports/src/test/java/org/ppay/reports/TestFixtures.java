package org.ppay.reports;

import java.util.ArrayList;
import java.util.List;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;

/** Small real inputs for the report's tests: a fixture cost table and a tiny profile. */
final class TestFixtures {

    private TestFixtures() {
    }

    /**
     * A complete cost table whose prices are test inputs, not measurements: action i costs {@code (i + 1) * 1000 *
     * scale} cycles, so tables with different scales price the same counts differently.
     */
    static CostTable costs(String source, double scale) {
        final List<CostEntry> entries = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            final double cycles = (action.ordinal() + 1) * 1000.0 * scale;
            entries.add(new CostEntry(action, "ed25519-fixture", cycles / 2.0, 1, cycles, 100 + action.ordinal(),
                    "fixture", "test cpu", 2.0, "17"));
        }
        return CostTable.of(source, entries);
    }

    /** Tiny: 40 peers for 3 days, two x values per figure, two seeds; the whole report in seconds. */
    static Profile tinyProfile() {
        return new Profile("tiny", 40, 10, 3, 2, List.of("1", "20"), List.of("0", "2"), List.of("1", "2"),
                List.of("10", "100"), List.of("0", "25"), List.of("500", "infinite"));
    }
}
