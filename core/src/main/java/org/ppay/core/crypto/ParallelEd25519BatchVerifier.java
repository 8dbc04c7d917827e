package org.ppay.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.ppay.core.crypto.ed25519.CachedPoint;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;
import org.ppay.core.crypto.ed25519.EdwardsPoint;
import org.ppay.core.crypto.ed25519.MultiScalarMultiplier;
import org.ppay.core.crypto.ed25519.PippengerPlan;
import org.ppay.core.crypto.ed25519.PointArithmetic;
import org.ppay.core.crypto.ed25519.ScalarDigits;
import org.ppay.core.crypto.ed25519.WindowSplit;

/**
 * Ed25519 batch verification on several threads. Each thread prepares a share of the items (coefficients, decoding,
 * challenge hash, scalars, recoding); then, from {@link #SHARED_MULTIPLICATION_MIN_ITEMS} items on, the threads
 * sum cost-balanced ranges of the Pippenger windows of the batch's one multiplication, so a batch keeps the
 * per-signature cost of its full size. Smaller batches are checked share by share (Straus), each by the thread that
 * prepared it. A failed check is bisected share by share in parallel. Answers and policy are exactly those of
 * {@link Ed25519BatchVerifier}.
 *
 * <p>The batch seed is drawn once on the calling thread; no lock, CSPRNG or allocation is shared between the threads
 * during a batch. Thread-safe (calls are serialised); owns {@code threads - 1} helper threads, the caller being the
 * first. {@link #close()} stops them.
 */
public final class ParallelEd25519BatchVerifier implements PooledBatchVerifier {

    /**
     * From this many items on, one shared Pippenger multiplication (2n + 1 points) beats Straus shares: a Straus
     * share costs about the same per signature at any size, so the crossover is the single multiplication's.
     */
    public static final int SHARED_MULTIPLICATION_MIN_ITEMS = MultiScalarMultiplier.PIPPENGER_THRESHOLD_POINTS / 2;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final VerifierCrew crew;
    private final DecodedKeyCache keyCache;
    private final Ed25519BatchVerifier single;
    private final BatchCoefficients coefficients;
    /** Worker k is made by, and only used on, the thread that runs share k. */
    private final Worker[] workers;
    private final PippengerPlan plan = new PippengerPlan();
    private final byte[] partialSums;
    private final byte[] sum = new byte[32];
    private final byte[] baseScalar = new byte[32];
    private final int[] windowDigits = new int[PippengerPlan.MAX_DIGIT_COUNT];
    private final int[] windowBounds;
    private final EdwardsPoint check = new EdwardsPoint();
    private final IntConsumer prepareTask = this::prepareShare;
    private final IntConsumer sumTask = this::sumWindowShare;
    private final IntConsumer checkTask = this::checkShare;

    // the batch in progress (no compaction: item m is slot m); points[2m] = A, points[2m+1] = R
    private SignatureBatch batch;
    private boolean[] results;
    private int from;
    private int n;
    private int shares;
    private boolean sharedMultiplication;
    private EdwardsPoint[] points = new EdwardsPoint[0];
    private CachedPoint[][] tables = new CachedPoint[0][];
    private byte[] scalars = new byte[0];
    private byte[] zTimesS = new byte[0];
    private boolean[] live = new boolean[0];
    private boolean closed;

    /** {@code threads} threads in all (the caller included), sharing a key cache of 4096 keys. */
    public ParallelEd25519BatchVerifier(int threads) {
        this(threads, new DecodedKeyCache(BatchVerifiers.DEFAULT_KEY_CACHE_CAPACITY), new SecureRandom());
    }

    /** The random source is only used on the calling thread, once per batch, for the batch's seed. */
    public ParallelEd25519BatchVerifier(int threads, DecodedKeyCache keyCache, SecureRandom random) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.keyCache = keyCache;
        this.single = new Ed25519BatchVerifier(keyCache, random);
        this.coefficients = new BatchCoefficients(random);
        this.workers = new Worker[threads];
        this.partialSums = new byte[32 * threads];
        this.windowBounds = new int[threads + 1];
        this.crew = threads == 1 ? null : new VerifierCrew("ppay-ed25519-verify", POOL_NUMBER, threads);
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public synchronized boolean verify(SignatureBatch batch, int from, int to, boolean[] results) {
        checkOpen();
        BatchVerifier.checkRange(batch, from, to, results);
        int n = to - from;
        int strausShares = Math.min(threads, n / ParallelBatchVerifier.MIN_ITEMS_PER_THREAD);
        if (strausShares <= 1) {
            return single.verify(batch, from, to, results);
        }
        ensureCapacity(n);
        coefficients.drawSeed(n);
        this.batch = batch;
        this.results = results;
        this.from = from;
        this.n = n;
        this.sharedMultiplication = n >= SHARED_MULTIPLICATION_MIN_ITEMS;
        this.shares = sharedMultiplication ? threads : strausShares;
        if (sharedMultiplication) {
            plan.reset(2 * n + 1);
        }
        try {
            crew.run(this.shares, prepareTask);
            if (sharedMultiplication) {
                if (sharedMultiplicationHolds()) {
                    markValid(0, n);
                } else {
                    crew.run(this.shares, checkTask);
                }
            }
        } finally {
            this.batch = null;
            this.results = null;
        }
        for (int i = from; i < to; i++) {
            if (!results[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        checkOpen();
        return single.verifyOne(publicKey, message, signature);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (crew != null) {
            crew.close();
        }
    }

    /** Share k: coefficients, items, its part of the base scalar; then its plan rows, or its Straus check. */
    private void prepareShare(int k) {
        Worker worker = worker(k);
        int lo = shareStart(k);
        int hi = shareStart(k + 1);
        worker.expander.expand(coefficients.seed(), lo, hi, coefficients.bytes());
        for (int m = lo; m < hi; m++) {
            results[from + m] = false;
            live[m] = worker.prepare(m);
        }
        if (!sharedMultiplication) {
            checkShare(k);
            return;
        }
        worker.items.scalarField.negatedSum(zTimesS, 32 * lo, 32, hi - lo, partialSums, 32 * k);
        plan.preparePoints(worker.arithmetic, worker.recoder, points, scalars, 0, 2 * lo, 2 * hi);
        Arrays.fill(worker.windowDigits, 0);
        plan.countNonZeroDigits(2 * lo, 2 * hi, worker.windowDigits);
    }

    /** After the shares are prepared: the base row, the window split, the parallel sum and the final check. */
    private boolean sharedMultiplicationHolds() {
        Worker caller = workers[0];
        // base scalar -(sum z S) from the shares' negated partial sums: negate their negated sum
        caller.items.scalarField.negatedSum(partialSums, 0, 32, threads, sum, 0);
        caller.items.scalarField.negatedSum(sum, 0, 32, 1, baseScalar, 0);
        plan.prepareBase(caller.recoder, baseScalar, 0, 2 * n);
        int windows = plan.digitCount();
        Arrays.fill(windowDigits, 0);
        for (Worker worker : workers) {
            for (int w = 0; w < windows; w++) {
                windowDigits[w] += worker.windowDigits[w];
            }
        }
        plan.countNonZeroDigits(2 * n, 2 * n + 1, windowDigits);
        WindowSplit.balance(windowDigits, windows, plan.width(), threads, windowBounds);
        crew.run(threads, sumTask);
        PointArithmetic arithmetic = caller.arithmetic;
        check.set(workers[0].partial);
        for (int k = 1; k < threads; k++) {
            arithmetic.add(check, workers[k].partial, check);
        }
        arithmetic.doublePoint(check, 3, check);
        return arithmetic.isIdentity(check);
    }

    private void sumWindowShare(int k) {
        Worker worker = workers[k];
        worker.multiplier.sumWindowRange(plan, windowBounds[k], windowBounds[k + 1], worker.partial);
    }

    /** Checks share k on its own and, when it fails, bisects it down to its invalid items. */
    private void checkShare(int k) {
        workers[k].check(shareStart(k), shareStart(k + 1));
    }

    private void markValid(int lo, int hi) {
        for (int m = lo; m < hi; m++) {
            if (live[m]) {
                results[from + m] = true;
            }
        }
    }

    private int shareStart(int k) {
        return (int) ((long) n * k / shares);
    }

    private Worker worker(int k) {
        if (workers[k] == null) {
            workers[k] = new Worker();
        }
        return workers[k];
    }

    private void ensureCapacity(int n) {
        if (live.length >= n) {
            return;
        }
        int capacity = Math.max(n, 2 * live.length);
        EdwardsPoint[] grown = Arrays.copyOf(points, 2 * capacity);
        for (int i = points.length; i < grown.length; i++) {
            grown[i] = new EdwardsPoint();
        }
        points = grown;
        tables = new CachedPoint[2 * capacity][];
        scalars = new byte[64 * capacity];
        zTimesS = new byte[32 * capacity];
        live = new boolean[capacity];
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("parallel Ed25519 verifier is closed");
        }
    }

    /** One thread's scratch, allocated on that thread (so it does not share cache lines with another's). */
    private final class Worker extends BatchBisection {
        final PointArithmetic arithmetic = new PointArithmetic();
        final Ed25519Items items = new Ed25519Items(arithmetic, keyCache);
        final ScalarDigits recoder = new ScalarDigits();
        final MultiScalarMultiplier multiplier = new MultiScalarMultiplier(arithmetic);
        final BatchCoefficients.Expander expander = new BatchCoefficients.Expander();
        final int[] windowDigits = new int[PippengerPlan.MAX_DIGIT_COUNT];
        final byte[] shareBaseScalar = new byte[32];
        final EdwardsPoint shareCheck = new EdwardsPoint();
        final EdwardsPoint partial = new EdwardsPoint();

        /** Prepares item m; a rejected item becomes the identity with zero scalars, adding nothing. */
        boolean prepare(int m) {
            tables[2 * m] = items.prepare(batch, from + m, coefficients.bytes(), m, points[2 * m], points[2 * m + 1],
                    scalars, zTimesS);
            if (tables[2 * m] != null) {
                return true;
            }
            points[2 * m].setIdentity();
            points[2 * m + 1].setIdentity();
            Arrays.fill(scalars, 64 * m, 64 * m + 64, (byte) 0);
            Arrays.fill(zTimesS, 32 * m, 32 * m + 32, (byte) 0);
            return false;
        }

        /** Whether the random linear combination of items [lo, hi) is the identity (on this thread alone). */
        @Override
        boolean holds(int lo, int hi) {
            items.scalarField.negatedSum(zTimesS, 32 * lo, 32, hi - lo, shareBaseScalar, 0);
            multiplier.multiply(shareBaseScalar, 0, points, tables, scalars, 2 * lo, 2 * (hi - lo), shareCheck);
            arithmetic.doublePoint(shareCheck, 3, shareCheck);
            return arithmetic.isIdentity(shareCheck);
        }

        @Override
        void markValid(int lo, int hi) {
            ParallelEd25519BatchVerifier.this.markValid(lo, hi);
        }
    }
}
