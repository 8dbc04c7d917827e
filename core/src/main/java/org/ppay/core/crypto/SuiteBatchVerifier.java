package org.ppay.core.crypto;

/**
 * A batch verifier for any {@link SignatureSuite} (ECDSA, RSA, or Ed25519 under its provider's own policy): it
 * verifies item by item through the suite, so its answers are the suite's answers. It adds no speed by itself;
 * wrap it in a {@link ParallelBatchVerifier} to spread a batch over threads. Thread-safe, like the suite.
 */
public final class SuiteBatchVerifier implements BatchVerifier {

    private final SignatureSuite suite;

    public SuiteBatchVerifier(SignatureSuite suite) {
        if (suite == null) {
            throw new IllegalArgumentException("suite is null");
        }
        this.suite = suite;
    }

    public SignatureSuite suite() {
        return suite;
    }

    @Override
    public boolean verify(SignatureBatch batch, int from, int to, boolean[] results) {
        BatchVerifier.checkRange(batch, from, to, results);
        boolean all = true;
        int signatureLength = suite.signatureLength();
        for (int i = from; i < to; i++) {
            boolean valid = batch.signatureLength(i) == signatureLength
                    && suite.verify(exactKey(batch, i), batch.message(i), batch.messageOffset(i),
                    batch.messageLength(i), batch.signature(i), batch.signatureOffset(i));
            results[i] = valid;
            all &= valid;
        }
        return all;
    }

    @Override
    public boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        return signature.length == suite.signatureLength() && suite.verify(publicKey, message, signature);
    }

    /** The suite takes keys as whole arrays; a key that is a slice of a larger buffer is copied out. */
    private static byte[] exactKey(SignatureBatch batch, int i) {
        byte[] key = batch.publicKey(i);
        int offset = batch.publicKeyOffset(i);
        int length = batch.publicKeyLength(i);
        if (offset == 0 && length == key.length) {
            return key;
        }
        byte[] copy = new byte[length];
        System.arraycopy(key, offset, copy, 0, length);
        return copy;
    }
}
