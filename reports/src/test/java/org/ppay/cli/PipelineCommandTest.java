package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;

class PipelineCommandTest {

    @TempDir
    Path dir;

    private Path table(String name, String suite, double cyclesEach) {
        final List<CostEntry> entries = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            entries.add(new CostEntry(action, suite, cyclesEach / 2, 1, cyclesEach, 100, "fixture", "test cpu", 2.0,
                    "17"));
        }
        final Path file = dir.resolve(name);
        CostTable.of(name, entries).write(file);
        return file;
    }

    @Test
    void shouldPriceTheReportWithTheCheapestEd25519Table() {
        final Path rsa = table("rsa.csv", "rsa2048-jdk", 10);
        final Path slowEd = table("ed-slow.csv", "ed25519-jdk", 5000);
        final Path fastEd = table("ed-fast.csv", "ed25519-bc", 3000);
        final Path ecdsa = table("ecdsa.csv", "ecdsa-p256-jdk", 20);
        assertEquals(fastEd, PipelineCommand.cheapestEd25519(List.of(rsa, slowEd, fastEd, ecdsa)),
                "Ed25519 first, however cheap the others are, then the fewest cycles");
        assertEquals(ecdsa, PipelineCommand.cheapestEd25519(List.of(rsa.equals(ecdsa) ? rsa : table("r2.csv",
                "rsa2048-jdk", 30), ecdsa)), "no Ed25519 table: the cheapest");
    }
}
