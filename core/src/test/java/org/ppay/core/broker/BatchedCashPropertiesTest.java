package org.ppay.core.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.crypto.SignatureSuites;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;

/**
 * A batch of cash requests gets exactly the answers of the same requests cashed one by one in the same order: the
 * receipts, the refusals (reason and message), the fraud verdicts, every account's balance and convictions, the
 * ledger's totals and the journal's records. Random batches (fixed seed, {@value #EXAMPLES} examples of one to three
 * batches per suite, every available suite, on one verifier thread and on two) mix honest requests, replays (a
 * request twice in a batch, or again in a later one), forged ones (the holder's or the owner's signature altered),
 * double-spent coins (a holder cashes a coin it had the owner reassign, or signs two cash requests for one coin),
 * coins under a forged limit certificate, and malformed ones (truncated, a wrong version, empty, dated ahead).
 */
class BatchedCashPropertiesTest {

    private static final long SEED = 0x19_0CA5L;
    private static final int EXAMPLES = 10;
    private static final long START_SECONDS = 1_000_000;
    private static final long DEPOSIT_CENTS = 100_000;
    private static final Tariff TARIFF = new Tariff(100, 2, 5, 50, 1_000, 1, 3_600);
    private static final RenewalSchedule SCHEDULE = new RenewalSchedule(30 * 86_400, 5 * 86_400);
    private static final int MAX_LAYERS = 2;
    private static final long[] OWNERS = {1, 2};
    private static final long[] HOLDERS = {3, 4, 5};

    @TempDir
    Path directory;

    static Stream<SignatureSuite> suites() {
        return SignatureSuites.available().stream();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void shouldAnswerABatchAsTheSameCashesOneByOneInTheSameOrder(SignatureSuite suite) {
        final World world = new World(suite);
        final AtomicInteger example = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(lists().of(lists().of(integers().between(0, world.pool.size() - 1)).ofSizeBetween(1, 14))
                        .ofSizeBetween(1, 3), integers().between(1, 2))
                .checkAssert((batches, threads) -> world.compare(batches, threads,
                        directory.resolve(suite.name() + "-" + example.incrementAndGet())));
        assertTrue(world.seen.containsAll(List.of("paid", "REPLICATION", "REPLAYED", "BAD_SIGNATURE", "MALFORMED",
                "BAD_TIMESTAMP", "forged certificate")), "the batches met every kind of request: " + world.seen);
    }

    @ParameterizedTest
    @MethodSource("ed25519Suites")
    void shouldCheckAClaimantWhoseSignatureFailedAloneForTheNextBatches(SignatureSuite suite) {
        final World world = new World(suite);
        final byte[] forged = world.pool.get(World.HOLDER_FORGED);
        final byte[] honest = world.pool.get(0);
        try (BrokerVerifier verifier = BrokerVerifier.batched(suite, 1)) {
            final Broker broker = world.broker(new InMemoryKeyDirectory(), LedgerJournal.memoryOnly(), verifier);
            final List<CashOutcome> first = broker.cashBatch(List.of(honest, forged));
            assertTrue(first.get(0).isPaid() && !first.get(1).isPaid(), first.toString());
            assertTrue(broker.checksAlone(HOLDERS[1]), "the forged request's claimant is a suspect");
            assertTrue(!broker.checksAlone(HOLDERS[0]), "the honest claimant is not");
            for (int i = 0; i < Suspects.BATCHES; i++) {
                final CashOutcome again = broker.cashBatch(List.of(forged)).get(0);
                assertEquals(first.get(1).refusal().getMessage(), again.refusal().getMessage(), "checked alone, the"
                        + " same answer");
            }
            assertTrue(!broker.checksAlone(HOLDERS[1]), "a suspect for " + Suspects.BATCHES + " batches after the"
                    + " last failure it caused in a batch");
        }
    }

    static Stream<SignatureSuite> ed25519Suites() {
        return SignatureSuites.available(SignatureAlgorithm.ED25519).stream().limit(1);
    }

    /** Keys, owners with their certificates, and a pool of signed requests, made once per suite. */
    private static final class World {
        static final int HOLDER_FORGED = 12;
        final SignatureSuite suite;
        final ManualClock clock = new ManualClock(START_SECONDS);
        final Map<Long, PeerKeys> keys = new HashMap<>();
        final Map<Long, Owner> owners = new HashMap<>();
        final List<byte[]> pool = new ArrayList<>();
        final java.util.Set<String> seen = new java.util.TreeSet<>();

        World(SignatureSuite suite) {
            this.suite = suite;
            final SecureRandom random = new SecureRandom(new byte[] {19});
            final InMemoryKeyDirectory setUpDirectory = new InMemoryKeyDirectory();
            for (long id = 0; id <= 5; id++) {
                final KeyPair pair = suite.generateKeyPair(random);
                keys.put(id, new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic())));
            }
            final Broker issuer = broker(setUpDirectory, LedgerJournal.memoryOnly(), BrokerVerifier.provider(suite));
            for (long id : OWNERS) {
                final Owner owner = new Owner(keys.get(id), 0, suite, setUpDirectory, clock, new InMemoryAuditTrail(),
                        SCHEDULE, MAX_LAYERS);
                owner.addLimitCertificate(issuer.buyLimitCertificate(id, 1_000));
                owners.put(id, owner);
            }
            makePool();
        }

        private void makePool() {
            final MessageWriter writer = new MessageWriter(suite);
            final int sig = suite.signatureLength();
            for (int i = 0; i < 8; i++) {
                pool.add(cash(writer, OWNERS[i % 2], HOLDERS[i % 3], 0));   // honest
            }
            final byte[] twice = assignment(OWNERS[0], HOLDERS[0]);
            pool.add(writer.cashRequest(keys.get(HOLDERS[0]), START_SECONDS, twice, 0, twice.length));
            pool.add(writer.cashRequest(keys.get(HOLDERS[0]), START_SECONDS + 1, twice, 0, twice.length));
            final Owner owner = owners.get(OWNERS[1]);
            final byte[] given = assignment(OWNERS[1], HOLDERS[1]);
            final byte[] reassigned = owner.reassign(writer.reassignmentRequest(keys.get(HOLDERS[1]), HOLDERS[2],
                    given, 0, given.length));
            pool.add(writer.cashRequest(keys.get(HOLDERS[1]), START_SECONDS, given, 0, given.length));
            pool.add(writer.cashRequest(keys.get(HOLDERS[2]), START_SECONDS, reassigned, 0, reassigned.length));
            final byte[] holderForged = cash(writer, OWNERS[0], HOLDERS[1], 0);   // HOLDER_FORGED
            holderForged[holderForged.length - 1] ^= 1;
            pool.add(holderForged);
            final byte[] ownerForged = cash(writer, OWNERS[1], HOLDERS[0], 0);
            ownerForged[ownerForged.length - sig - 1] ^= 1;   // the assignment's signature, under a valid request's
            pool.add(writer.cashRequest(keys.get(HOLDERS[0]), START_SECONDS, ownerForged,
                    cashedOffset(), ownerForged.length - cashedOffset() - sig));
            final byte[] truncated = cash(writer, OWNERS[0], HOLDERS[2], 0);
            pool.add(java.util.Arrays.copyOf(truncated, truncated.length - 5));
            final byte[] version = cash(writer, OWNERS[1], HOLDERS[2], 0);
            version[1] ^= 0x40;
            pool.add(version);
            pool.add(new byte[0]);
            pool.add(cash(writer, OWNERS[0], HOLDERS[1], 400));   // dated too far ahead
            final Owner forger = forgedCertificateOwner(writer);
            for (long holder : new long[] {HOLDERS[0], HOLDERS[2]}) {
                final byte[] coin = forger.assign(forger.printCoin(), holder);
                pool.add(writer.cashRequest(keys.get(holder), START_SECONDS, coin, 0, coin.length));
            }
        }

        /**
         * Owner 2 again, with a limit certificate signed by another key than the broker's: its coins, assignments and
         * the holders' requests are signed as they should be, the certificate alone is forged (twice in the pool).
         */
        private Owner forgedCertificateOwner(MessageWriter writer) {
            final KeyPair pair = suite.generateKeyPair(new SecureRandom(new byte[] {20}));
            final PeerKeys fakeBroker = new PeerKeys(0, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
            final InMemoryKeyDirectory fooled = new InMemoryKeyDirectory();
            fooled.register(0, fakeBroker.publicKey());
            for (long id = 1; id <= 5; id++) {
                fooled.register(id, keys.get(id).publicKey());
            }
            final Owner forger = new Owner(keys.get(OWNERS[1]), 0, suite, fooled, clock, new InMemoryAuditTrail(),
                    SCHEDULE, MAX_LAYERS);
            forger.addLimitCertificate(writer.limitCertificate(fakeBroker, OWNERS[1], 500_000, 500_100));
            return forger;
        }

        private static int cashedOffset() {
            return org.ppay.core.coin.Requests.cashedOffset();
        }

        private byte[] cash(MessageWriter writer, long ownerId, long holder, long ahead) {
            final byte[] assignment = assignment(ownerId, holder);
            return writer.cashRequest(keys.get(holder), START_SECONDS + ahead, assignment, 0, assignment.length);
        }

        private byte[] assignment(long ownerId, long holder) {
            final Owner owner = owners.get(ownerId);
            return owner.assign(owner.printCoin(), holder);
        }

        Broker broker(InMemoryKeyDirectory keyDirectory, LedgerJournal journal, BrokerVerifier verifier) {
            final Broker made = new Broker(keys.get(0L), suite, keyDirectory, clock, SCHEDULE, MAX_LAYERS, TARIFF,
                    owners::get, journal, verifier);
            for (long id = 1; id <= 5; id++) {
                made.openAccount(id, keys.get(id).publicKey(), DEPOSIT_CENTS);
            }
            return made;
        }

        void compare(List<List<Integer>> batches, int threads, Path where) {
            try {
                Files.createDirectories(where);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (BrokerVerifier one = BrokerVerifier.batched(suite, 1);
                    BrokerVerifier many = BrokerVerifier.batched(suite, threads);
                    FileLedgerJournal sequentialLog = LedgerJournal.open(where.resolve("sequential.log"));
                    FileLedgerJournal batchedLog = LedgerJournal.open(where.resolve("batched.log"))) {
                final Broker sequential = broker(new InMemoryKeyDirectory(), sequentialLog, one);
                final Broker batched = broker(new InMemoryKeyDirectory(), batchedLog, many);
                for (List<Integer> indices : batches) {
                    final List<byte[]> requests = indices.stream().map(pool::get).toList();
                    final List<CashOutcome> answers = batched.cashBatch(requests);
                    assertEquals(requests.size(), answers.size());
                    for (int i = 0; i < requests.size(); i++) {
                        final CashOutcome alone = cashAlone(sequential, requests.get(i));
                        assertSame(alone, answers.get(i), "request " + indices.get(i) + " at " + i + " of " + indices);
                        seen.add(!alone.isPaid() ? alone.refusal().reason().name() : alone.receipt().evidence() == null
                                ? "paid" : alone.receipt().evidence().kind().name());
                        if (!alone.isPaid() && alone.refusal().getMessage().contains("limit certificate")) {
                            seen.add("forged certificate");
                        }
                    }
                }
                assertEquals(sequential.ledger(), batched.ledger());
                for (long id = 1; id <= 5; id++) {
                    assertEquals(sequential.balanceCents(id), batched.balanceCents(id), "balance of " + id);
                    assertEquals(sequential.depositCents(id), batched.depositCents(id), "deposit of " + id);
                    assertEquals(sequential.convictions(id), batched.convictions(id), "convictions of " + id);
                }
                assertEquals(sequentialLog.appendedRecords(), batchedLog.appendedRecords());
                sequentialLog.close();
                batchedLog.close();
                final byte[] sequentialBytes = Files.readAllBytes(sequentialLog.path());
                final byte[] batchedBytes = Files.readAllBytes(batchedLog.path());
                if (suite.algorithm() == SignatureAlgorithm.ECDSA_P256) {
                    assertEquals(sequentialBytes.length, batchedBytes.length, "the broker's attestations are"
                            + " randomised signatures: the records' sizes");
                } else {
                    assertArrayEquals(sequentialBytes, batchedBytes, "the journals' records");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static CashOutcome cashAlone(Broker broker, byte[] request) {
            try {
                return CashOutcome.paid(broker.cash(request));
            } catch (org.ppay.core.peer.ProtocolException refused) {
                return CashOutcome.refused(refused);
            }
        }

        private static void assertSame(CashOutcome expected, CashOutcome actual, String where) {
            assertEquals(expected.isPaid(), actual.isPaid(), where + ": " + expected + " vs " + actual);
            if (expected.isPaid()) {
                assertEquals(expected.receipt().payoutCents(), actual.receipt().payoutCents(), where);
                assertSameEvidence(expected.receipt().evidence(), actual.receipt().evidence(), where);
            } else {
                assertEquals(expected.refusal().getClass(), actual.refusal().getClass(), where);
                assertEquals(expected.refusal().reason(), actual.refusal().reason(), where);
                assertEquals(expected.refusal().getMessage(), actual.refusal().getMessage(), where);
            }
        }

        private static void assertSameEvidence(Evidence expected, Evidence actual, String where) {
            assertEquals(expected == null, actual == null, where + ": evidence " + expected + " vs " + actual);
            if (expected != null) {
                assertEquals(expected.kind(), actual.kind(), where);
                assertEquals(expected.culprit(), actual.culprit(), where);
                assertArrayEquals(expected.first(), actual.first(), where);
                assertArrayEquals(expected.second(), actual.second(), where);
            }
        }
    }
}
