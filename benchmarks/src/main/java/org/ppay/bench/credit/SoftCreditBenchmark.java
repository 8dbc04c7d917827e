package org.ppay.bench.credit;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.core.credit.CreditDecision;
import org.ppay.core.credit.SoftCreditWindows;

/**
 * What one picopayment through soft credit windows (section 5.4) costs both sides' bookkeeping, with the core's
 * {@link SoftCreditWindows}: the payee serves the payer on credit, the payer records that it consumed; when the window
 * is full the payer pays a coin and the payee records it (the coin itself is priced by the protocol actions).
 * The payer deals with {@code peers} payees in turn, so the windows live in a map of realistic size.
 *
 * <p>Unit: ns/op, one picopayment, settlements amortised. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar SoftCreditBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class SoftCreditBenchmark {

    private static final long PAYER = 1;

    /** The paper's Credit Window Size: picopayments per coin. */
    @Param({"10"})
    public long windowPicos;

    @Param({"64"})
    public int peers;

    private SoftCreditWindows payer;
    private SoftCreditWindows[] payees;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        payer = new SoftCreditWindows(windowPicos, SoftCreditWindows.NO_CAP);
        payees = new SoftCreditWindows[peers];
        for (int i = 0; i < peers; i++) {
            payees[i] = new SoftCreditWindows(windowPicos, SoftCreditWindows.NO_CAP);
        }
        for (long step = 0; step < 3 * windowPicos * peers; step++) {
            if (picopayment() != CreditDecision.GRANTED) {
                throw new IllegalStateException("an honest picopayment was refused at step " + step);
            }
        }
        if (payer.lossPicos() > 0 || payees[0].creditPicos(PAYER) > windowPicos) {
            throw new IllegalStateException("windows out of bounds after settling");
        }
    }

    /** One picopayment from the payer to the next payee, settling with a coin when the window is full. */
    @Benchmark
    public CreditDecision picopayment() {
        int index = (next++ & Integer.MAX_VALUE) % peers;
        long payee = index + 2L;
        SoftCreditWindows payeeWindows = payees[index];
        if (payeeWindows.coinDueFrom(PAYER)) {
            payer.payCoin(payee);
            payeeWindows.receiveCoin(PAYER);
        }
        CreditDecision served = payeeWindows.serve(PAYER);
        if (served != CreditDecision.GRANTED) {
            return served;
        }
        return payer.consume(payee);
    }
}
