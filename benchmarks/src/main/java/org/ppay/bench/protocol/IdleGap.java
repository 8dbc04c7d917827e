package org.ppay.bench.protocol;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pause a lightly loaded server sees between two requests, replayed before every measured invocation (JMH
 * leaves {@code Level.Invocation} set-up out of the score): the thread sleeps, then writes one byte in every cache
 * line of a buffer twice the size of a large last-level cache, as other processes do while it waits. The next
 * request then meets cold data and instruction caches, which a back-to-back benchmark never shows.
 *
 * <p>Why: in {@code ppay validate} the broker handles a request every few milliseconds at most, between other
 * processes' work on the same cores, and there a cash costs 1.4-1.5 times its back-to-back price and a limit
 * certificate 3.8-4.2 times (transport included, code compiled). A broker of a P2P network is less loaded still: in our standard report its load is
 * 1.5e3-1.7e5 cycles/s, well under a thousandth of one core. The gap is only worth it for actions of microseconds
 * and more: it costs milliseconds per invocation.
 */
@State(Scope.Thread)
public class IdleGap {

    /** How long the server waits for its next request. */
    @Param({"1000"})
    public int idleMicros;

    /** Bytes other work writes meanwhile: 64 MiB is twice the 32 MiB last-level cache of the development host. */
    @Param({"67108864"})
    public int evictBytes;

    private static final int CACHE_LINE_BYTES = 64;

    private byte[] buffer;
    private int round;

    @Setup(Level.Trial)
    public void allocate() {
        if (idleMicros < 0 || evictBytes < CACHE_LINE_BYTES) {
            throw new IllegalArgumentException("idleMicros must be >= 0 and evictBytes >= " + CACHE_LINE_BYTES
                    + ", got " + idleMicros + " and " + evictBytes);
        }
        buffer = new byte[evictBytes];
    }

    @Setup(Level.Invocation)
    public void idle() {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(idleMicros));
        byte value = (byte) ++round;
        for (int i = 0; i < buffer.length; i += CACHE_LINE_BYTES) {
            buffer[i] = value;
        }
    }
}
