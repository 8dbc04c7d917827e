package org.ppay.costs;

import java.util.ArrayList;
import java.util.List;

/**
 * A cost table with the paper's era's ratio of signing to verifying, derived from a measured table: signing one
 * hundred times dearer than verifying (Rivest and Shamir's 1996 figures that the paper's Payword baseline cites:
 * about 2 signatures but 200 verifications per second). Nothing is typed: the sign cost is measured as
 * {@link CostAction#BROKER_PRINT_RAW_COIN} (one signature), the verify cost as {@link CostAction#LOTTERY_CHECK}
 * (one verification); every action that signs {@code k} times ({@link ActionCatalog#signaturesMade}) gets
 * {@code k * (100 * verify - sign)} more cycles (and nanoseconds), so its verifications and bookkeeping keep their
 * measured cost.
 */
public final class PaperRatioCosts {

    /** Signing cost over verifying cost in the derived table. */
    public static final double SIGN_OVER_VERIFY = 100;

    private PaperRatioCosts() {
    }

    /** The derived table; its id starts with {@code paper-ratio-of-<source file>}. */
    public static CostTable derive(CostTable measured) {
        final CostEntry sign = measured.entry(CostAction.BROKER_PRINT_RAW_COIN);
        final CostEntry verify = measured.entry(CostAction.LOTTERY_CHECK);
        final double extraCycles = Math.max(0, SIGN_OVER_VERIFY * verify.cyclesPerOp() - sign.cyclesPerOp());
        final double extraNs = Math.max(0, SIGN_OVER_VERIFY * verify.nsPerOp() - sign.nsPerOp());
        final List<CostEntry> entries = new ArrayList<>();
        for (CostEntry e : measured.entries()) {
            final int k = ActionCatalog.signaturesMade(e.action());
            entries.add(new CostEntry(e.action(), e.suite(), e.nsPerOp() + k * extraNs, e.nsError(),
                    e.cyclesPerOp() + k * extraCycles, e.bytes(),
                    k == 0 ? e.sourceBenchmark() : e.sourceBenchmark() + " + " + k + " x paper-ratio signature",
                    e.cpuModel(), e.ghz(), e.jdk()));
        }
        final String source = measured.id().split(":")[0];
        return CostTable.of("paper-ratio-of-" + source, entries);
    }
}
