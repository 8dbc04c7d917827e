package org.ppay.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.crypto.SignatureSuites;
import org.ppay.core.crypto.SuiteSelfTest;
import org.ppay.core.crypto.SuiteStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ppay suites}: which signature suites this machine offers, and whether each passes its self-test. */
@Command(name = "suites",
        mixinStandardHelpOptions = true,
        description = {
            "List the signature suites of this machine and self-test each one.",
            "%nEvery <algorithm>-<provider> combination is listed with its provider and version, available or not,"
                + " and the reason when not. Each available suite runs a known-answer self-test: a sign/verify round"
                + " trip that must reject an altered message and, for Ed25519, RFC 8032 section 7.1 TEST 1 and TEST 2"
                + " byte for byte.",
            "%nExit status: 0 when every available suite passes, 1 when a self-test fails."
        })
public final class SuitesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--no-self-test", description = "List the suites without running their self-tests.")
    boolean skipSelfTest;

    @Option(names = "--available", description = "List only the suites available on this machine.")
    boolean onlyAvailable;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SuiteStatus> statuses = SignatureSuites.all();
        int nameWidth = Math.max("suite".length(),
                statuses.stream().mapToInt(status -> status.name().length()).max().orElse(0));
        int providerWidth = Math.max("provider".length(),
                statuses.stream().mapToInt(status -> status.providerDescription().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s  %-11s  %-" + providerWidth + "s  %s%n";
        out.printf(row, "suite", "status", "provider", skipSelfTest ? "note" : "self-test / reason");
        int failures = 0;
        int available = 0;
        for (SuiteStatus status : statuses) {
            if (status.available()) {
                available++;
                String note = "";
                if (!skipSelfTest) {
                    SuiteSelfTest.Result result = SuiteSelfTest.run(SignatureSuite.of(status.name()));
                    note = (result.passed() ? "passed: " : "FAILED: ") + result.detail();
                    failures += result.passed() ? 0 : 1;
                }
                out.printf(row, status.name(), "available", status.providerDescription(), note);
            } else if (!onlyAvailable) {
                out.printf(row, status.name(), "unavailable", status.providerDescription(), status.reason());
            }
        }
        out.printf("%d of %d suites available%s%n", available, statuses.size(),
                skipSelfTest ? "" : failures == 0 ? ", all self-tests passed" : ", " + failures + " self-tests FAILED");
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
