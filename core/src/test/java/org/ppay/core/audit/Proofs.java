package org.ppay.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Deterministic proof bytes and a visitor that copies what it sees, for the audit tests. */
final class Proofs {

    private Proofs() {
    }

    /** The bytes of the {@code version}-th proof of {@code serial}: the same arguments give the same bytes. */
    static byte[] bytes(final long serial, final int version, final int length) {
        final byte[] bytes = new byte[length];
        new SplittableRandom(serial * 31 + version).nextBytes(bytes);
        return bytes;
    }

    static UnsafeBuffer buffer(final byte[] bytes) {
        return new UnsafeBuffer(bytes);
    }

    /** One proof as a visitor saw it. */
    record Seen(AuditTrail.ProofType type, int epoch, byte[] bytes) {
    }

    static final class Collector implements AuditTrail.ProofVisitor {
        final List<Seen> seen = new ArrayList<>();
        private final int limit;

        Collector() {
            this(Integer.MAX_VALUE);
        }

        Collector(final int limit) {
            this.limit = limit;
        }

        @Override
        public boolean visit(final AuditTrail.ProofType type, final int epoch, final DirectBuffer buffer,
                             final int offset, final int length) {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            seen.add(new Seen(type, epoch, copy));
            return seen.size() < limit;
        }
    }

    static Collector latest(final AuditTrail trail, final long serial) {
        final Collector collector = new Collector();
        trail.latest(serial, collector);
        return collector;
    }

    static Collector history(final AuditTrail trail, final long serial) {
        final Collector collector = new Collector();
        trail.history(serial, collector);
        return collector;
    }
}
