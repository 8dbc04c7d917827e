package org.ppay.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
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
import org.ppay.core.crypto.BatchVerifier;
import org.ppay.core.crypto.Ed25519BatchVerifier;
import org.ppay.core.crypto.ParallelEd25519BatchVerifier;
import org.ppay.core.crypto.SignatureBatch;

/**
 * What verifying a batch of {@code batchSize} Ed25519 signatures costs with the core's batch verifier (one
 * multi-scalar multiplication per batch, random 128-bit coefficients), each signature by a different one of
 * {@code signers} keys, over {@code messageBytes} messages. Batch size 1 is the verifier's single check.
 * {@code threads} = 1 is {@code Ed25519BatchVerifier} on the caller's thread; 2 is
 * {@code ParallelEd25519BatchVerifier}, where the caller and one helper thread prepare half the items each and then
 * share the batch's one multiplication (below
 * {@value org.ppay.core.crypto.ParallelEd25519BatchVerifier#SHARED_MULTIPLICATION_MIN_ITEMS} items: check a half
 * each) (the scaling goal: 2 threads at least 1.8x one thread, compared at the same batch size). Run with {@code -prof gc}: gc.alloc.rate.norm counts every
 * thread's allocation per batch, and should stay near zero for both.
 *
 * <p>Unit: ns/op, one op = the whole batch; per signature, divide by {@code batchSize} (the calibration does).
 * Signatures are made in set-up with the JDK's own Ed25519 (SunEC). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar BatchVerifyBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class BatchVerifyBenchmark {

    private static final int RAW_KEY_BYTES = 32;
    private static final int BATCHES = 8;

    @Param({"1", "8", "64", "256"})
    public int batchSize;

    @Param({"64"})
    public int signers;

    @Param({"172"})
    public int messageBytes;

    @Param({"1", "2"})
    public int threads;

    private BatchVerifier verifier;
    private SignatureBatch[] batches;
    private boolean[] results;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", "SunEC");
        generator.initialize(255, Inputs.random(9));
        KeyPair[] keys = new KeyPair[signers];
        byte[][] rawKeys = new byte[signers][];
        for (int k = 0; k < signers; k++) {
            keys[k] = generator.generateKeyPair();
            byte[] encoded = keys[k].getPublic().getEncoded();
            rawKeys[k] = Arrays.copyOfRange(encoded, encoded.length - RAW_KEY_BYTES, encoded.length);
        }
        Signature signer = Signature.getInstance("Ed25519", "SunEC");
        verifier = threads == 1 ? new Ed25519BatchVerifier() : new ParallelEd25519BatchVerifier(threads);
        batches = new SignatureBatch[BATCHES];
        results = new boolean[batchSize];
        int item = 0;
        for (int b = 0; b < BATCHES; b++) {
            byte[][] messages = Inputs.randomMessages(100 + b, messageBytes);
            batches[b] = new SignatureBatch(batchSize);
            for (int i = 0; i < batchSize; i++, item++) {
                int k = item % signers;
                byte[] message = messages[i & Inputs.MASK].clone();
                message[0] = (byte) i;
                message[1] = (byte) (i >>> 8);
                signer.initSign(keys[k].getPrivate());
                signer.update(message);
                batches[b].add(rawKeys[k], message, signer.sign());
            }
            if (!verifier.verify(batches[b], results)) {
                throw new IllegalStateException("batch " + b + " of valid signatures does not verify");
            }
        }
        SignatureBatch forged = new SignatureBatch(batchSize);
        for (int i = 0; i < batchSize; i++) {
            byte[] message = batches[0].message(i).clone();
            if (i == batchSize - 1) {
                message[messageBytes - 1] ^= 1;
            }
            forged.add(batches[0].publicKey(i), message, batches[0].signature(i));
        }
        if (verifier.verify(forged, results) || results[batchSize - 1]) {
            throw new IllegalStateException("a batch with a changed message verifies");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (verifier instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Verifies one whole batch; true when every signature is valid. */
    @Benchmark
    public boolean verifyBatch() {
        return verifier.verify(batches[next++ & (BATCHES - 1)], results);
    }
}
