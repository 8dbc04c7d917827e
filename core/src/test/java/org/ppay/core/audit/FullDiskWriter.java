package org.ppay.core.audit;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The child JVM of {@link FullDiskTest}: run under a file-size limit smaller than one segment, it tries to append and
 * prints what happened. Arguments: trail directory, segment bytes.
 */
public final class FullDiskWriter {

    private FullDiskWriter() {
    }

    public static void main(final String[] args) {
        try (MappedAuditTrail trail = MappedAuditTrail.open(Path.of(args[0]), Integer.parseInt(args[1]),
            Durability.none())) {
            final UnsafeBuffer proof = new UnsafeBuffer(new byte[100]);
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    trail.append(1, 0, AuditTrail.ProofType.REASSIGNMENT, proof, 0, 100);
                    System.out.println("appended");
                } catch (final AuditTrailException ex) {
                    System.out.println("refused: " + ex.getMessage());
                }
            }
            System.out.println("proofs " + trail.proofCount());
        }
    }
}
