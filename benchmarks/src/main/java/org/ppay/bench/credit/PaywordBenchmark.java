package org.ppay.bench.credit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;

/**
 * What Payword hash chains cost (Rivest and Shamir; the paper's alternative to soft credit windows): a vendor checking
 * one payword is one SHA-256 (hash the new word, compare with the last accepted one); the broker redeeming a chain of
 * {@code chainLength} words hashes from the last word back to the committed root.
 *
 * <p>Unit: ns/op, average time; {@code redeemChain} is per chain, so per hash divide by {@code chainLength} (the
 * calibration does). Run: {@code java -jar benchmarks/target/benchmarks.jar PaywordBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class PaywordBenchmark {

    private static final int WORD_BYTES = 32;

    @Param({"100"})
    public int chainLength;

    private MessageDigest sha256;
    /** words[i + 1] hashes to words[i]; words[0] is the root. */
    private byte[][] words;
    /** For each of {@link Inputs#COUNT} chains: its root and its last word. */
    private byte[][] roots;
    private byte[][] ends;
    private final byte[] hash = new byte[WORD_BYTES];
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException, DigestException {
        if (chainLength < 1) {
            throw new IllegalArgumentException("chainLength must be >= 1, was " + chainLength);
        }
        sha256 = MessageDigest.getInstance("SHA-256");
        byte[][] seeds = Inputs.randomMessages(5, WORD_BYTES);
        words = chainFrom(seeds[0], Inputs.COUNT + 1);
        roots = new byte[Inputs.COUNT][];
        ends = new byte[Inputs.COUNT][];
        for (int c = 0; c < Inputs.COUNT; c++) {
            byte[][] chain = chainFrom(seeds[c], chainLength + 1);
            roots[c] = chain[0];
            ends[c] = chain[chainLength];
        }
        for (int i = 0; i < Inputs.COUNT; i++) {
            if (!checkWord()) {
                throw new IllegalStateException("payword " + i + " does not hash to its predecessor");
            }
            if (!redeemChain()) {
                throw new IllegalStateException("chain " + i + " does not hash back to its root");
            }
        }
    }

    /** A chain whose last element is {@code seed} and each element is the hash of the next; element 0 is the root. */
    private byte[][] chainFrom(byte[] seed, int length) throws DigestException {
        byte[][] chain = new byte[length][];
        chain[length - 1] = seed.clone();
        for (int i = length - 2; i >= 0; i--) {
            chain[i] = sha256.digest(chain[i + 1]);
        }
        return chain;
    }

    /** A vendor accepts payword i+1 when it hashes to payword i. */
    @Benchmark
    public boolean checkWord() throws DigestException {
        int i = next++ & Inputs.MASK;
        sha256.update(words[i + 1]);
        sha256.digest(hash, 0, WORD_BYTES);
        return Arrays.equals(hash, words[i]);
    }

    /** The broker walks a chain of {@code chainLength} words back to its committed root. */
    @Benchmark
    public boolean redeemChain() throws DigestException {
        int c = next++ & Inputs.MASK;
        byte[] word = ends[c];
        for (int i = 0; i < chainLength; i++) {
            sha256.update(i == 0 ? word : hash);
            sha256.digest(hash, 0, WORD_BYTES);
        }
        return Arrays.equals(hash, roots[c]);
    }
}
