package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ppay.core.crypto.Ed25519TestSupport.hex;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ppay.core.crypto.Ed25519TestSupport.Item;
import org.ppay.core.crypto.Ed25519TestSupport.Signer;
import org.ppay.core.crypto.ed25519.Curve;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;

class Ed25519BatchVerifierTest {

    /** RFC 8032, section 7.1, tests 1 to 3: public key, message, signature. */
    private static final String[][] RFC8032 = {
        {"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
        {"fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    };

    private static final long SEED = 20031027L;

    private final Ed25519BatchVerifier verifier = new Ed25519BatchVerifier();

    @Test
    void shouldAcceptTheRfc8032VectorsAndRejectThemTampered() {
        for (String[] vector : RFC8032) {
            byte[] key = hex(vector[0]);
            byte[] message = hex(vector[1]);
            byte[] signature = hex(vector[2]);
            assertTrue(verifier.verifyOne(key, message, signature), vector[0]);
            byte[] tampered = signature.clone();
            tampered[5] ^= 4;
            assertFalse(verifier.verifyOne(key, message, tampered), vector[0]);
            assertFalse(verifier.verifyOne(key, new byte[] {9}, signature), vector[0]);
        }
        byte[][] keys = new byte[3][];
        byte[][] messages = new byte[3][];
        byte[][] signatures = new byte[3][];
        for (int i = 0; i < 3; i++) {
            keys[i] = hex(RFC8032[i][0]);
            messages[i] = hex(RFC8032[i][1]);
            signatures[i] = hex(RFC8032[i][2]);
        }
        assertArrayEquals(new boolean[] {true, true, true}, verifier.verify(keys, messages, signatures));
    }

    @Test
    void shouldAnswerEverySpeccheckCaseAsThePolicySays() throws IOException {
        List<Item> cases = Ed25519TestSupport.speccheckCases();
        assertEquals(12, cases.size());
        boolean[] expected = new boolean[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            Item item = cases.get(i);
            expected[i] = item.valid();
            assertEquals(item.valid(), verifier.verifyOne(item.publicKey(), item.message(), item.signature()),
                    item.label());
        }
        boolean[] results = new boolean[cases.size()];
        assertFalse(verifier.verify(Ed25519TestSupport.batchOf(cases), results));
        assertArrayEquals(expected, results);
    }

    @Test
    void shouldDifferFromBouncyCastleOnlyWhereTheDocumentedPolicyDiffers() throws IOException {
        // Bouncy Castle 1.82 accepts cases 2-5: like ppay it rejects small-order A (0, 1), non-canonical S, R and A
        // (6-11) and admits the mixed-order cases 4 and 5; unlike ppay it accepts a small-order R (2).
        boolean[] bouncyCastle = {false, false, true, true, true, true, false, false, false, false, false, false};
        List<Item> cases = Ed25519TestSupport.speccheckCases();
        for (int i = 0; i < cases.size(); i++) {
            Item item = cases.get(i);
            assertEquals(bouncyCastle[i], Ed25519.verify(item.signature(), 0, item.publicKey(), 0, item.message(), 0,
                    item.message().length), item.label());
        }
    }

    @Test
    void shouldAgreeWithBouncyCastleOnHonestAndTamperedSignatures() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            Signer signer = Signer.random(random);
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            byte[] signature = signer.sign(message);
            if (i % 2 == 1) {
                signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            }
            boolean bouncyCastle = Ed25519.verify(signature, 0, signer.publicKey(), 0, message, 0, message.length);
            assertEquals(bouncyCastle, verifier.verifyOne(signer.publicKey(), message, signature), "signature " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 17, 64, 95, 96, 150, 199, 200, 300})
    void shouldFindEveryInvalidItemInABatch(int size) {
        checkBatch(size * 31L, size, 0.1);
    }

    @Test
    void shouldAnswerItemForItemLikeTheSingleVerifier() {
        qt().withFixedSeed(SEED).withExamples(12).forAll(integers().between(1, 300), longs().all())
                .checkAssert((size, seed) -> checkBatch(seed, size, 0.05 + (seed & 3) * 0.1));
    }

    @Test
    void shouldAcceptABatchWithoutInvalidItems() {
        List<Item> items = Ed25519TestSupport.randomBatch(3, 200, 0.0);
        boolean[] results = new boolean[items.size()];
        assertTrue(verifier.verify(Ed25519TestSupport.batchOf(items), results));
        for (boolean result : results) {
            assertTrue(result);
        }
    }

    @Test
    void shouldVerifyARangeAndLeaveTheRestOfTheResultsAlone() {
        List<Item> items = Ed25519TestSupport.randomBatch(5, 40, 0.3);
        boolean[] results = new boolean[items.size()];
        results[0] = true;
        results[39] = true;
        verifier.verify(Ed25519TestSupport.batchOf(items), 10, 30, results);
        assertTrue(results[0]);
        assertTrue(results[39]);
        for (int i = 10; i < 30; i++) {
            assertEquals(items.get(i).valid(), results[i], "item " + i);
        }
    }

    @Test
    void shouldGiveTheSameAnswersWhenKeysComeFromASharedCache() {
        DecodedKeyCache cache = new DecodedKeyCache(2);
        Ed25519BatchVerifier first = new Ed25519BatchVerifier(cache, new SecureRandom());
        Ed25519BatchVerifier second = new Ed25519BatchVerifier(cache, new SecureRandom());
        List<Item> items = Ed25519TestSupport.randomBatch(11, 60, 0.2);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] a = new boolean[items.size()];
        boolean[] b = new boolean[items.size()];
        first.verify(batch, a);
        second.verify(batch, b);
        assertArrayEquals(a, b);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(items.get(i).valid(), a[i], items.get(i).label());
        }
    }

    @Test
    void shouldTreatWrongLengthsAsInvalidAndBadArraysAsErrors() {
        Signer signer = Signer.random(new Random(1));
        byte[] message = {1, 2, 3};
        byte[] signature = signer.sign(message);
        assertFalse(verifier.verifyOne(new byte[31], message, signature));
        assertFalse(verifier.verifyOne(signer.publicKey(), message, new byte[63]));
        boolean[] results = verifier.verify(new byte[][] {signer.publicKey(), new byte[33]},
                new byte[][] {message, message}, new byte[][] {signature, signature});
        assertArrayEquals(new boolean[] {true, false}, results);
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> verifier.verify(new byte[][] {signer.publicKey()}, new byte[][] {}, new byte[][] {signature}));
        assertTrue(mismatch.getMessage().contains("differ in length"), mismatch.getMessage());
        SignatureBatch batch = new SignatureBatch(1).add(signer.publicKey(), message, signature);
        assertThrows(IllegalArgumentException.class, () -> verifier.verify(batch, 0, 2, new boolean[2]));
        assertThrows(IllegalArgumentException.class, () -> verifier.verify(batch, new boolean[0]));
    }

    @Test
    void shouldCatchTwoForgeriesWhoseErrorsWouldCancelWithEqualCoefficients() {
        // S1 + 1 and S2 - 1: the sum of the two equations still holds, so only distinct random z_i expose them
        Random random = new Random(13);
        Signer signer = Signer.random(random);
        byte[] m1 = {1};
        byte[] m2 = {2};
        byte[] s1 = signer.sign(m1);
        byte[] s2 = signer.sign(m2);
        addToScalar(s1, 1);
        addToScalar(s2, -1);
        SignatureBatch batch = new SignatureBatch(2).add(signer.publicKey(), m1, s1).add(signer.publicKey(), m2, s2);
        boolean[] results = new boolean[2];
        assertFalse(verifier.verify(batch, results));
        assertArrayEquals(new boolean[] {false, false}, results);
    }

    @Test
    void shouldAllocateNothingPerItemOnceWarm() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Item> items = Ed25519TestSupport.randomBatch(29, 64, 0.1);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] results = new boolean[items.size()];
        Ed25519BatchVerifier warm = new Ed25519BatchVerifier(new DecodedKeyCache(4096), new SecureRandom());
        for (int i = 0; i < 20; i++) {
            warm.verify(batch, results);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
            warm.verify(batch, results);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // the platform SecureRandom may allocate a little when drawing the batch seed; nothing else may
        assertTrue(allocated < 10 * 256, "10 warm batches of 64 allocated " + allocated + " bytes");
    }

    private static void addToScalar(byte[] signature, int delta) {
        BigInteger s = Curve.fromLittleEndian(signature, 32, 32)
                .add(BigInteger.valueOf(delta));
        System.arraycopy(Curve.littleEndian32(s), 0, signature, 32, 32);
    }

    private void checkBatch(long seed, int size, double invalidShare) {
        List<Item> items = Ed25519TestSupport.randomBatch(seed, size, invalidShare);
        boolean[] results = new boolean[size];
        boolean all = verifier.verify(Ed25519TestSupport.batchOf(items), results);
        boolean expectAll = true;
        for (int i = 0; i < size; i++) {
            Item item = items.get(i);
            assertEquals(item.valid(), results[i], "item " + i + " (" + item.label() + ") of " + size);
            assertEquals(verifier.verifyOne(item.publicKey(), item.message(), item.signature()), results[i],
                    "single verifier disagrees on item " + i);
            expectAll &= item.valid();
        }
        assertEquals(expectAll, all);
    }
}
