package org.ppay.bench;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/** Deterministic benchmark inputs: arrays of {@link #COUNT} distinct values a benchmark cycles through. */
public final class Inputs {

    /** How many distinct inputs a benchmark cycles through; a power of two. */
    public static final int COUNT = 64;

    /** Agrona 2.x buffers reach jdk.internal.misc.Unsafe; every forked benchmark JVM gets this export. */
    public static final String AGRONA_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    /** {@code index & MASK} cycles through the inputs. */
    public static final int MASK = COUNT - 1;

    private Inputs() {
    }

    /** {@link #COUNT} pseudo-random messages of {@code lengthBytes} each, the same for the same seed. */
    public static byte[][] randomMessages(long seed, int lengthBytes) {
        if (lengthBytes < 1) {
            throw new IllegalArgumentException("message length must be >= 1 byte, was " + lengthBytes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] messages = new byte[COUNT][lengthBytes];
        for (byte[] message : messages) {
            for (int i = 0; i < message.length; i++) {
                message[i] = (byte) random.nextInt(256);
            }
        }
        return messages;
    }

    /** A random source for key generation, seeded so a run's keys are reproducible where the provider allows. */
    public static SecureRandom random(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is missing from this JVM", e);
        }
    }
}
