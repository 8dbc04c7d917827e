package org.ppay.bench.protocol;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.credit.LotteryTickets;
import org.ppay.bench.crypto.SuiteChoice;

/**
 * What checking an electronic lottery ticket costs the payee: the payer's signature over the ticket, then the draw
 * ({@link LotteryTickets#wins}, one SHA-256 of the signed ticket) at odds 1 in {@code oddsOneIn}.
 *
 * <p>Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar LotteryBenchmark
 * -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class LotteryBenchmark {

    @Param({"100"})
    public long oddsOneIn;

    private ProtocolWorld world;
    private byte[] payerKey;
    private byte[][] tickets;
    private int signedLength;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        MessageWriter writer = new MessageWriter(world.suite);
        payerKey = world.holderVKeys.publicKey();
        tickets = new byte[Inputs.COUNT][];
        for (int i = 0; i < tickets.length; i++) {
            tickets[i] = writer.lotteryTicket(world.holderVKeys, ProtocolWorld.HOLDER_X, i, world.clock.nowSeconds());
        }
        signedLength = tickets[0].length - world.suite.signatureLength();
        for (int i = 0; i < tickets.length; i++) {
            if (check() < 0) {
                throw new IllegalStateException("a ticket the payer signed does not verify");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** LOTTERY_CHECK: 1 when the ticket wins, 0 when it does not, -1 when its signature is bad. */
    @Benchmark
    public int check() {
        byte[] ticket = tickets[next++ & Inputs.MASK];
        if (!world.suite.verify(payerKey, ticket, 0, signedLength, ticket, signedLength)) {
            return -1;
        }
        return LotteryTickets.wins(ticket, oddsOneIn) ? 1 : 0;
    }
}
