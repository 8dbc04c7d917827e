package org.ppay.core.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An audit trail on the heap: each proof is copied into its own byte array, grouped by coin. For tests, for the
 * simulator, and for owners that need no durability. Not thread-safe: one owner uses it from one thread.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Long2ObjectHashMap<List<Proof>> proofsBySerial = new Long2ObjectHashMap<>();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private long proofCount;
    private int purgedBefore;
    private boolean closed;

    @Override
    public void append(long serial, int epoch, ProofType type, DirectBuffer proof, int offset, int length) {
        ensureOpen();
        if (type == null) {
            throw new IllegalArgumentException("proof type is null");
        }
        if (length <= 0 || offset < 0 || offset + length > proof.capacity()) {
            throw new IllegalArgumentException("proof slice [" + offset + ", " + (offset + length)
                    + ") is empty or outside a buffer of " + proof.capacity() + " bytes");
        }
        if (epoch < 0 || epoch < purgedBefore) {
            throw new IllegalArgumentException("epoch " + epoch + " is negative or purged (purged before "
                    + purgedBefore + ")");
        }
        final List<Proof> proofs = proofsBySerial.get(serial);
        if (proofs != null && !proofs.isEmpty() && proofs.get(proofs.size() - 1).epoch > epoch) {
            throw new IllegalArgumentException("coin " + serial + ": epoch " + epoch + " is older than its latest "
                    + "proof's");
        }
        final byte[] copy = new byte[length];
        proof.getBytes(offset, copy);
        proofsBySerial.computeIfAbsent(serial, s -> new ArrayList<>(2)).add(new Proof(type, epoch, copy));
        proofCount++;
    }

    @Override
    public boolean latest(long serial, ProofVisitor visitor) {
        ensureOpen();
        final List<Proof> proofs = proofsBySerial.get(serial);
        if (proofs == null || proofs.isEmpty()) {
            return false;
        }
        visit(proofs.get(proofs.size() - 1), visitor);
        return true;
    }

    @Override
    public void history(long serial, ProofVisitor visitor) {
        ensureOpen();
        final List<Proof> proofs = proofsBySerial.get(serial);
        if (proofs == null) {
            return;
        }
        for (int i = proofs.size() - 1; i >= 0; i--) {
            if (!visit(proofs.get(i), visitor)) {
                return;
            }
        }
    }

    @Override
    public void purgeBefore(int epoch) {
        ensureOpen();
        purgedBefore = Math.max(purgedBefore, epoch);
        final Iterator<List<Proof>> lists = proofsBySerial.values().iterator();
        while (lists.hasNext()) {
            final List<Proof> proofs = lists.next();
            final int before = proofs.size();
            proofs.removeIf(p -> p.epoch < epoch);
            proofCount -= before - proofs.size();
            if (proofs.isEmpty()) {
                lists.remove();
            }
        }
    }

    @Override
    public long proofCount() {
        return proofCount;
    }

    @Override
    public void sync() {
        ensureOpen();
    }

    @Override
    public void close() {
        closed = true;
    }

    private boolean visit(Proof proof, ProofVisitor visitor) {
        view.wrap(proof.bytes);
        return visitor.visit(proof.type, proof.epoch, view, 0, proof.bytes.length);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("audit trail is closed");
        }
    }

    private static final class Proof {
        final ProofType type;
        final int epoch;
        final byte[] bytes;

        Proof(ProofType type, int epoch, byte[] bytes) {
            this.type = type;
            this.epoch = epoch;
            this.bytes = bytes;
        }
    }
}
