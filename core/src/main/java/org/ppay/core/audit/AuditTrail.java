package org.ppay.core.audit;

import org.agrona.DirectBuffer;

/**
 * An owner's audit trail (paper, section 4.1): every reassignment and renewal request it processed, kept as the exact
 * signed bytes, so it can later prove that a holder relinquished an assignment. Proofs are grouped by renewal epoch
 * (section 5.3): when the epoch that covers them closes, they are purged together.
 *
 * <p>One trail belongs to one owner, so a coin is identified by its serial number alone. Epochs are numbers >= 0; the
 * proofs of one coin come in non-decreasing epochs (a renewed coin moves to a later epoch, never back), which is what
 * lets a purge drop whole epochs. Implementations are used from one thread (the owner's).
 */
public interface AuditTrail extends AutoCloseable {

    /**
     * Appends a proof for a coin; returns once the proof is readable (durability follows the trail's policy).
     *
     * @throws IllegalArgumentException when the proof is empty or outside the buffer, the epoch is negative or was
     *                                  purged, or the epoch is older than that of the coin's latest proof; the trail is
     *                                  then unchanged
     */
    void append(long serial, int epoch, ProofType type, DirectBuffer proof, int offset, int length);

    /** Visits the newest proof of {@code serial}; returns false when the trail holds none. */
    boolean latest(long serial, ProofVisitor visitor);

    /** Visits the proofs of {@code serial}, newest first, until the visitor returns false. */
    void history(long serial, ProofVisitor visitor);

    /** Drops every proof of every epoch strictly before {@code epoch}; appends to those epochs are refused after. */
    void purgeBefore(int epoch);

    /** How many proofs the trail holds now. */
    long proofCount();

    /** Returns once everything appended before the call is durable (a no-op for an in-memory trail). */
    void sync();

    @Override
    void close();

    /** What a proof proves. */
    enum ProofType {
        /** A reassignment request (3), or a layer (8) peeled off a layered coin. */
        REASSIGNMENT,
        /** A renewal request (10). */
        RENEWAL
    }

    /** Receives one proof; the buffer is only valid during the call. Return false to stop a history walk. */
    @FunctionalInterface
    interface ProofVisitor {
        boolean visit(ProofType type, int epoch, DirectBuffer buffer, int offset, int length);
    }
}
