package org.ppay.bench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.ppay.bench.Inputs;
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * The trail every audit benchmark measures: a memory-mapped trail without sync in a fresh directory under
 * {@code directory} (empty: java.io.tmpdir; /dev/shm leaves the disk out), removed again afterwards. A benchmark opens
 * it in its own set-up, at the level it needs, and closes it in the matching tear-down.
 */
@State(Scope.Thread)
public abstract class TrailState {

    /** Bytes of the proofs the benchmarks append, about a signed reassignment request. */
    static final int PROOF_BYTES = 200;

    /** A serial stride larger than an index block (512 serials), odd: every coin's serial in a block of its own. */
    static final long SCATTERED_STRIDE = 1_000_003L;

    @Param({""})
    public String directory;

    MappedAuditTrail trail;
    /**
     * Coin {@code c} has serial {@code c * serialStride}: 1 gives an owner's dense serials (the index keeps them in
     * blocks), {@link #SCATTERED_STRIDE} serials too far apart to share a block (the index's fallback hash table).
     */
    long serialStride = 1;
    /** The epoch proofs are appended in; {@link #nextEpoch} advances it. */
    int epoch;
    private Path trailDirectory;

    final void openTrail() {
        trailDirectory = createDirectory(directory);
        trail = MappedAuditTrail.open(trailDirectory, MappedAuditTrail.DEFAULT_SEGMENT_BYTES, Durability.none());
        epoch = 0;
    }

    final void closeTrail() {
        trail.close();
        deleteDirectory(trailDirectory);
    }

    /** Starts the next epoch and purges the one before the previous, so a long run keeps the trail bounded. */
    final void nextEpoch() {
        epoch++;
        trail.purgeBefore(epoch - 1);
    }

    /**
     * Two proofs of {@link #PROOF_BYTES} for each of {@code coins} coins, coin by coin in two rounds: the coin number
     * at byte 0 and the round (0, 1) at byte 4; the first round in epoch 0, the second in {@code secondEpoch}.
     */
    final void appendTwoProofsPerCoin(int coins, int secondEpoch, AuditTrail.ProofType type) {
        final UnsafeBuffer proof = new UnsafeBuffer(new byte[PROOF_BYTES]);
        for (int round = 0; round < 2; round++) {
            for (int coin = 0; coin < coins; coin++) {
                proof.putInt(0, coin);
                proof.putByte(4, (byte) round);
                trail.append(coin * serialStride, round == 0 ? 0 : secondEpoch, type, proof, 0, PROOF_BYTES);
            }
        }
    }

    /** {@link Inputs#COUNT} pseudo-random proofs of {@code bytes} each, the same for the same seed. */
    static UnsafeBuffer[] randomProofs(long seed, int bytes) {
        final byte[][] messages = Inputs.randomMessages(seed, bytes);
        final UnsafeBuffer[] proofs = new UnsafeBuffer[Inputs.COUNT];
        for (int i = 0; i < Inputs.COUNT; i++) {
            proofs[i] = new UnsafeBuffer(messages[i]);
        }
        return proofs;
    }

    /** Coin counts are masked into serials, so they must be powers of two. */
    static void requirePowerOfTwo(String name, int value) {
        if (Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two, was " + value);
        }
    }

    private static Path createDirectory(String root) {
        try {
            final Path parent = root.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(root);
            return Files.createTempDirectory(parent, "ppay-audit-bench-");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create a trail directory under '" + root + "'", ex);
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot delete trail directory " + directory, ex);
        }
    }
}
