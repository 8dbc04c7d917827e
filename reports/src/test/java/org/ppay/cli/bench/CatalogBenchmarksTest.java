package org.ppay.cli.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.ppay.core.transport.Placement;
import org.ppay.costs.ActionCatalog;
import org.ppay.costs.Recipe;

/**
 * Every benchmark the cost catalog's recipes name exists in the suite, with every parameter value a recipe asks for
 * among the values it runs: a recipe and the benchmark it prices from cannot drift apart (the coin frame's size, a
 * placement's label, a method's name).
 */
class CatalogBenchmarksTest {

    @Test
    void shouldFindEveryRecipesBenchmarkAndParameterValueInTheSuite() {
        final Map<String, BenchmarkListEntry> suite = new HashMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            suite.put(entry.getUsername(), entry);
        }
        assertFalse(suite.isEmpty(), "the JMH benchmark list is on the test class path");
        for (ActionCatalog.Regime regime : ActionCatalog.Regime.values()) {
            for (Placement placement : Placement.values()) {
                for (List<Recipe> recipes : ActionCatalog.all(regime, placement).values()) {
                    for (Recipe recipe : recipes) {
                        for (Recipe.Term term : recipe.terms()) {
                            final BenchmarkListEntry entry = suite.get(term.benchmark());
                            assertNotNull(entry, term.benchmark() + " (" + recipe.describe() + ") is no benchmark");
                            term.params().forEach((name, value) -> {
                                final String[] values = entry.getParams().hasValue()
                                        ? entry.getParams().get().get(name) : null;
                                assertNotNull(values, term.benchmark() + " has no parameter " + name);
                                assertTrue(Arrays.asList(values).contains(value), term.benchmark() + " runs " + name
                                        + " at " + Arrays.toString(values) + ", the recipe asks for " + value);
                            });
                        }
                    }
                }
            }
        }
    }
}
