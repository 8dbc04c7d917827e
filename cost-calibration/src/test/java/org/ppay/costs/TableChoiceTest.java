package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableChoiceTest {

    @Test
    void shouldPriceAPacedValidationWithTheSparseTableAndTheBusyBesideIt() {
        final TableChoice.Regimes paced = TableChoice.forValidation(true);

        assertEquals(CostTable.embeddedSparse().orElseThrow().id(), paced.main().id());
        assertEquals(CostTable.embeddedDefault().id(), paced.other().id());
        assertEquals("busy", paced.otherLabel());
    }

    @Test
    void shouldPriceABackToBackValidationWithTheBusyTableAndTheSparseBesideIt() {
        final TableChoice.Regimes backToBack = TableChoice.forValidation(false);

        assertEquals(CostTable.embeddedDefault().id(), backToBack.main().id());
        assertEquals(CostTable.embeddedSparse().orElseThrow().id(), backToBack.other().id());
        assertEquals("sparse", backToBack.otherLabel());
    }

    @Test
    void shouldPriceReportsWithTheEmbeddedBusyTableAndMeasureHostsWithItsSuite() {
        assertEquals(CostTable.embeddedDefault().id(), TableChoice.forReport().id());
        assertTrue(TableChoice.besideReport().isPresent());
        assertEquals(CostTable.embeddedDefault().suite(), TableChoice.calibrationSuite());
    }
}
