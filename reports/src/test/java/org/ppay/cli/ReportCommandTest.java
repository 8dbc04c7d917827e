package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private String[] run(int expectedStatus, String... args) {
        final CommandLine cl = PpayCommand.newCommandLine();
        final StringWriter err = new StringWriter();
        final StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        assertEquals(expectedStatus, cl.execute(args), err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void shouldRejectBadOptionsNamingTheProblemAndWriteNothing() {
        final Path out = dir.resolve("out");
        assertTrue(run(2, "report", "--profile", "huge", "--out", out.toString())[1].contains("huge"));
        assertTrue(run(2, "report", "--figures", "12", "--out", out.toString())[1].contains("no figure 12"));
        assertTrue(run(2, "report", "--costs", dir.resolve("missing.csv").toString(), "--out", out.toString())[1]
                .contains("missing.csv"));
        assertTrue(run(2, "report", "--seeds", "0", "--out", out.toString())[1].contains("--seeds"));
        assertTrue(run(2, "report", "--quick", "--full")[1].contains("mutually exclusive"));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void shouldRejectABrokenCostTableNamingTheFile() throws Exception {
        final Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "action,suite\nnot_an_action,x\n");
        final String err = run(2, "report", "--costs", broken.toString(), "--out", dir.resolve("o").toString())[1];
        assertTrue(err.contains("broken.csv"), err);
    }

    @Test
    void shouldListReportAndPipelineAmongTheCommands() {
        final String usage = PpayCommand.newCommandLine().getUsageMessage();
        assertTrue(usage.contains("report") && usage.contains("pipeline"), usage);
    }
}
