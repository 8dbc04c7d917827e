package org.ppay.validation.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.ppay.core.coin.Requests;
import org.ppay.sim.load.Task;

/**
 * Compiles the frame path before the replay: a private {@link FrameServer} and a {@link Link} in this process exchange
 * frames on loopback, of the kinds and sizes the deployment sends, until {@code rounds} round trips or the time budget.
 * A deployment process reads and writes only tens of frames a pass, so without this its socket streams, framing and
 * metering run in the interpreter, while the model prices a message warm (docs/validation.md, "Compiled like the
 * benchmarks": it made the broker's requests tens of microseconds dearer). It has its
 * own meter and touches nothing of the deployment.
 */
final class FrameWarmUp {

    private static final byte[] KINDS = {Frame.PAY, Frame.OWNER, Frame.BROKER, Frame.LIMIT_CERTIFICATE};
    /** Request and reply bodies as the deployment's: an order, a receipt, assignments, requests with layers. */
    private static final int[] BODY_BYTES = {4, 8, 170, 230, 300, 420, 560};

    private FrameWarmUp() {
    }

    /** @return how many round trips it made */
    static int run(int rounds, long budgetNanos, FrameLimit limit) {
        final long end = System.nanoTime() + budgetNanos;
        final Meter meter = new Meter();
        final byte[][] bodies = new byte[BODY_BYTES.length][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = new byte[Math.min(BODY_BYTES[i], limit.maxBodyBytes())];
            bodies[i][0] = (byte) Requests.CASH; // so naming the operation goes as for a broker's request
        }
        int done = 0;
        try (FrameServer server = new FrameServer(new NodeHandler(new Echo(limit)), meter, limit);
             Link link = new Link(server.port(), meter, limit)) {
            for (; done < rounds && System.nanoTime() < end; done++) {
                link.call(KINDS[done % KINDS.length], Task.MISC, 0, bodies[done % bodies.length]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the frame warm-up failed: " + e.getMessage(), e);
        }
        return done;
    }

    /** Answers every frame with a body of the next size (within the limit): replies vary as requests do. */
    private static final class Echo implements Node {
        private final FrameLimit limit;
        private int next;

        Echo(FrameLimit limit) {
            this.limit = limit;
        }

        @Override
        public List<String> keyLines() {
            return List.of();
        }

        @Override
        public void key(long id, byte[] publicKey) {
        }

        @Override
        public void time(long seconds) {
        }

        @Override
        public byte[] handle(Frame request) {
            next = (next + 1) % BODY_BYTES.length;
            return new byte[Math.min(BODY_BYTES[next], limit.maxBodyBytes())];
        }

        @Override
        public String step(String[] fields) {
            throw new IllegalArgumentException("the frame warm-up performs no steps");
        }
    }
}
