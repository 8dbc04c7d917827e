package org.ppay.core.broker;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ppay.core.coin.SignatureCheck;
import org.ppay.core.coin.Signatures;
import org.ppay.core.crypto.SignatureBatch;
import org.ppay.core.peer.KeyDirectory;

/**
 * One thread's state for {@link Broker#cashBatch}, in two passes over the same checks. Collecting, it
 * gathers every signature the requests carry into one {@link SignatureBatch} (a limit certificate the broker knows,
 * or one already gathered in this batch, once); after {@link #verify}, settling, it answers each check of the
 * request in hand from the batch's result for that very slice, and checks alone, through the broker's verifier, what
 * the batch does not hold. The refusals are {@link Signatures}'s, as {@link BrokerChecks} gives them.
 */
final class CashBatch implements SignatureCheck {

    private final KeyDirectory directory;
    private final BrokerVerifier verifier;
    private final KnownCertificates known;
    private final Suspects suspects;
    private final int signatureLength;
    private final SignatureBatch items = new SignatureBatch(256);
    private final Map<Certificate, Integer> certificates = new HashMap<>();
    private boolean[] results = new boolean[256];
    private int[] firstItem = new int[64];
    private int[] endItem = new int[64];
    private long[] claimants = new long[64];
    private boolean collecting;
    private int current;
    private long batch;

    CashBatch(KeyDirectory directory, BrokerVerifier verifier, KnownCertificates known, Suspects suspects) {
        this.directory = directory;
        this.verifier = verifier;
        this.known = known;
        this.suspects = suspects;
        this.signatureLength = verifier.suite().signatureLength();
    }

    /** Starts a batch of {@code requests} requests: collecting. */
    void start(int requests) {
        if (firstItem.length < requests) {
            firstItem = new int[requests];
            endItem = new int[requests];
            claimants = new long[requests];
        }
        batch = suspects.nextBatch();
        collecting = true;
    }

    /** Whether {@code claimant} is checked alone in this batch; then nothing of its request is collected. */
    boolean suspect(long claimant) {
        return suspects.contains(claimant, batch);
    }

    /** Collects request {@code i}'s signatures from here on. */
    void collecting(int i) {
        current = i;
        firstItem[i] = items.size();
        endItem[i] = items.size();
    }

    /** Request {@code i} is {@code claimant}'s, who becomes a suspect if one of its signatures fails. */
    void claimant(int i, long claimant) {
        claimants[i] = claimant;
    }

    /** Request {@code i}'s signatures are those collected since {@link #collecting}. */
    void collected(int i) {
        endItem[i] = items.size();
    }

    /**
     * Verifies everything collected, and marks as suspects the claimants of requests with an item that failed: they
     * are checked alone for a while ({@link Suspects}). Then settling.
     */
    void verify(int requests) {
        if (results.length < items.size()) {
            results = new boolean[Math.max(items.size(), 2 * results.length)];
        }
        final boolean all = items.size() == 0 || allValid();
        if (!all) {
            for (int i = 0; i < requests; i++) {
                for (int k = firstItem[i]; k < endItem[i]; k++) {
                    if (!results[k]) {
                        suspects.add(claimants[i], batch);
                        break;
                    }
                }
            }
        }
        collecting = false;
    }

    private boolean allValid() {
        verifier.verify(items, results);
        for (int k = 0; k < items.size(); k++) {
            if (!results[k]) {
                return false;
            }
        }
        return true;
    }

    /** Settles request {@code i} from here on. */
    void settling(int i) {
        current = i;
    }

    /** Forgets the batch (and the references to the requests' bytes). */
    void finish() {
        items.clear();
        certificates.clear();
    }

    @Override
    public void check(long signer, byte[] buffer, int offset, int length, String what) {
        final byte[] key = Signatures.signerKey(directory, signer, what);
        final int signed = Signatures.signedLength(length, signatureLength, what);
        if (collecting) {
            items.add(key, 0, key.length, buffer, offset, signed, buffer, offset + signed, signatureLength);
            return;
        }
        final int item = itemOf(buffer, offset, signed);
        if (!(item >= 0 ? results[item] : verifier.verifyOne(key, buffer, offset, signed))) {
            throw Signatures.badSignature(signer, what);
        }
    }

    @Override
    public void checkCertificate(long signer, byte[] buffer, int offset, int length) {
        if (known.contains(buffer, offset, length)) {
            return;
        }
        final Certificate certificate = new Certificate(buffer, offset, length);
        final Integer item = certificates.get(certificate);
        if (collecting) {
            if (item == null) {
                final int next = items.size();
                check(signer, buffer, offset, length, "limit certificate");
                certificates.put(certificate, next);
            }
            return;
        }
        if (item == null) {
            check(signer, buffer, offset, length, "limit certificate");   // alone: its request was a suspect's
        } else {
            Signatures.signerKey(directory, signer, "limit certificate");
            Signatures.signedLength(length, signatureLength, "limit certificate");
            if (!results[item]) {
                throw Signatures.badSignature(signer, "limit certificate");
            }
        }
        known.add(buffer, offset, length);
    }

    /** The item of the request in hand that is exactly this slice, or -1. */
    private int itemOf(byte[] buffer, int offset, int signed) {
        for (int k = firstItem[current]; k < endItem[current]; k++) {
            if (items.message(k) == buffer && items.messageOffset(k) == offset && items.messageLength(k) == signed) {
                return k;
            }
        }
        return -1;
    }

    /** A certificate's bytes, compared by content: one certificate carried by many requests of the batch. */
    private record Certificate(byte[] buffer, int offset, int length) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Certificate c && Arrays.equals(buffer, offset, offset + length, c.buffer,
                    c.offset, c.offset + c.length);
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (int i = offset; i < offset + length; i++) {
                hash = 31 * hash + buffer[i];
            }
            return hash;
        }
    }
}
