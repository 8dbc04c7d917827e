package org.ppay.validation.node;

import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * An owner's memory-mapped audit trail whose first append of each epoch is metered apart. That append creates the
 * epoch's segment (a file written full of zeros, forced, mapped, the directory forced): a cost of the renewal period,
 * not of the action that happens to come first in it. A validation run compresses days into seconds, so nearly every
 * owner starts a new segment every few appends; charged to those appends it would swamp them (several ms against
 * about 0.1 ms). One segment holds more proofs than an owner appends in an epoch of a run, so a first append per
 * epoch is a new segment.
 */
final class EpochMeteredTrail implements AuditTrail {

    static final String NEW_SEGMENT = "audit.new_epoch_segment";

    private final MappedAuditTrail trail;
    private final Meter meter;
    private final IntHashSet epochs = new IntHashSet();

    EpochMeteredTrail(MappedAuditTrail trail, Meter meter) {
        this.trail = trail;
        this.meter = meter;
    }

    @Override
    public void append(long serial, int epoch, ProofType type, DirectBuffer proof, int offset, int length) {
        if (epochs.contains(epoch)) {
            trail.append(serial, epoch, type, proof, offset, length);
            return;
        }
        final long start = Meter.threadCpuNanos();
        trail.append(serial, epoch, type, proof, offset, length);
        epochs.add(epoch);
        meter.setAside(NEW_SEGMENT, Meter.cpuNanosSince(start));
    }

    @Override
    public boolean latest(long serial, ProofVisitor visitor) {
        return trail.latest(serial, visitor);
    }

    @Override
    public void history(long serial, ProofVisitor visitor) {
        trail.history(serial, visitor);
    }

    @Override
    public void purgeBefore(int epoch) {
        trail.purgeBefore(epoch);
    }

    @Override
    public long proofCount() {
        return trail.proofCount();
    }

    @Override
    public void sync() {
        trail.sync();
    }

    @Override
    public void close() {
        trail.close();
    }
}
