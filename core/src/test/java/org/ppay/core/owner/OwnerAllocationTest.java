package org.ppay.core.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.core.audit.AuditTrail.ProofType;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.Tariff;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;

/**
 * The owner's reassignment, renewal and peel paths allocate only the assignment they hand back, once the roles are
 * warm. The suite counts instead of computing (it allocates nothing), so what is measured is the roles' own code; the
 * audit trail is the real memory-mapped one.
 */
class OwnerAllocationTest {

    /**
     * The warm-up round and the measured one are sized so that the owner's set of recorded holdings (an Agrona
     * LongHashSet, load factor 0.65) does not grow in the measured round: 6,000 holdings fill 16,384 slots to 0.37,
     * 10,000 to 0.61.
     */
    private static final int WARM_UP_REQUESTS = 6_000;
    private static final int REQUESTS = 4_000;
    private static final long BROKER = 0;
    private static final long OWNER = 1;
    private static final long HOLDER_V = 2;
    private static final long HOLDER_X = 3;
    private static final RenewalSchedule SCHEDULE = new RenewalSchedule(30 * 86_400, 5 * 86_400);
    /** Once per run, not per request: the JIT's deoptimization may allocate a little on this thread. */
    private static final long ONCE_BYTES = 16 * 1024;

    @TempDir
    Path directory;

    private final CountingSuite suite = new CountingSuite();
    private final ManualClock clock = new ManualClock(1_000_000);
    private final InMemoryKeyDirectory keys = new InMemoryKeyDirectory();
    private final MessageWriter writer = new MessageWriter(suite);
    private MappedAuditTrail audit;
    private Owner owner;
    private Broker brokerRole;
    private PeerKeys ownerKeys;
    private PeerKeys holderV;
    private PeerKeys holderX;

    @BeforeEach
    void setUp() {
        final PeerKeys broker = keys(BROKER);
        ownerKeys = keys(OWNER);
        holderV = keys(HOLDER_V);
        holderX = keys(HOLDER_X);
        audit = MappedAuditTrail.open(directory, 16 << 20, Durability.none());
        owner = new Owner(ownerKeys, BROKER, suite, keys, clock, audit, SCHEDULE, 4);
        brokerRole = new Broker(broker, suite, keys, clock, SCHEDULE, 4,
                new Tariff(100, 2, 5, 50, 1_000, 1, 3_600), id -> id == OWNER ? owner : null);
        brokerRole.openAccount(OWNER, ownerKeys.publicKey(), 1_000_000);
        brokerRole.openAccount(HOLDER_V, holderV.publicKey(), 1_000_000);
        brokerRole.openAccount(HOLDER_X, holderX.publicKey(), 1_000_000);
        owner.connect(brokerRole);
        owner.addLimitCertificate(brokerRole.buyLimitCertificate(OWNER, 2 * (WARM_UP_REQUESTS + REQUESTS)));
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void shouldAllocateOnlyTheNewAssignmentPerReassignment() {
        assertOnlyTheAnswerIsAllocated(a -> writer.reassignmentRequest(holderV, HOLDER_X, a, 0, a.length),
                () -> { }, owner::reassign);
    }

    @Test
    void shouldAllocateOnlyTheNewAssignmentWhenItSearchesItsTrail() {
        // an owner that starts on a trail holding proofs looks every holding up in the trail; here each coin's
        // trail holds V's give-up when X gives it up in turn
        audit.close();
        audit = MappedAuditTrail.open(directory.resolve("restarted"), 16 << 20, Durability.none());
        audit.append(Long.MAX_VALUE, 0, ProofType.REASSIGNMENT, new UnsafeBuffer(new byte[8]), 0, 8);
        owner = new Owner(ownerKeys, BROKER, suite, keys, clock, audit, SCHEDULE, 4);
        owner.connect(brokerRole);
        owner.addLimitCertificate(brokerRole.buyLimitCertificate(OWNER, 2 * (WARM_UP_REQUESTS + REQUESTS)));
        assertOnlyTheAnswerIsAllocated(a -> {
            final byte[] toX = owner.reassign(writer.reassignmentRequest(holderV, HOLDER_X, a, 0, a.length));
            return writer.reassignmentRequest(holderX, HOLDER_V, toX, 0, toX.length);
        }, () -> { }, owner::reassign);
    }

    @Test
    void shouldAllocateOnlyTheNewAssignmentPerPeel() {
        assertOnlyTheAnswerIsAllocated(a -> writer.layer(holderV, HOLDER_X, 2, a, 0, a.length), () -> { },
                owner::peel);
    }

    @Test
    void shouldAllocateOnlyTheRenewedAssignmentPerRenewal() {
        // the coins are assigned at one time, so they share a renewal window: open it
        assertOnlyTheAnswerIsAllocated(a -> writer.renewalRequest(holderV, a, 0, a.length),
                () -> clock.setSeconds(SCHEDULE.firstWindowBegin(clock.nowSeconds()) + 1), owner::renew);
    }

    /**
     * Runs the owner's step on one round of fresh requests to warm it, then measures a second round. Each request is
     * made from a fresh assignment to holder V, all at one time, so every proof falls in one audit epoch (no new
     * trail segment while measuring); {@code beforeSteps} runs once after they are made.
     */
    private void assertOnlyTheAnswerIsAllocated(Function<byte[], byte[]> request, Runnable beforeSteps,
            Function<byte[], byte[]> step) {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        final byte[][] warmUp = prepare(request, WARM_UP_REQUESTS);
        final byte[][] requests = prepare(request, REQUESTS);
        beforeSteps.run();
        run(warmUp, step);
        final long threadId = Thread.currentThread().getId();
        final long proofsBefore = audit.proofCount();
        threads.getThreadAllocatedBytes(threadId); // its first call allocates
        final long before = threads.getThreadAllocatedBytes(threadId);
        final int answerLength = run(requests, step);
        final long allocatedBytes = threads.getThreadAllocatedBytes(threadId) - before;
        assertEquals(REQUESTS, audit.proofCount() - proofsBefore, "every request is recorded as a proof");

        final long answerBytes = 16 + ((answerLength + 7) & ~7L);   // array header and padding, compressed oops
        final long allowed = REQUESTS * answerBytes + ONCE_BYTES;
        assertTrue(allocatedBytes <= allowed, "bytes allocated by " + REQUESTS + " requests: " + allocatedBytes
                + ", " + allocatedBytes / REQUESTS + " per request; allowed " + allowed / REQUESTS
                + " (the " + answerLength + "-byte answer)");
    }

    private byte[][] prepare(Function<byte[], byte[]> request, int count) {
        final byte[][] requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            requests[i] = request.apply(owner.assign(owner.printCoin(), HOLDER_V));
        }
        return requests;
    }

    private int run(byte[][] requests, Function<byte[], byte[]> step) {
        int answerLength = 0;
        for (byte[] request : requests) {
            answerLength = step.apply(request).length;
        }
        return answerLength;
    }

    private PeerKeys keys(long id) {
        final KeyPair pair = suite.generateKeyPair(null);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }
}
