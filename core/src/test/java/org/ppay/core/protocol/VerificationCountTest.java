package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.CashOutcome;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/**
 * How many signatures the broker and an owner check, with a real suite that counts its verifications: each checks
 * what it has not checked or made itself, once. The cost model prices these actions by these counts.
 */
class VerificationCountTest {

    private static final long OWNER = 1;
    private static final long HOLDER = 2;
    private static final long PAYEE = 3;

    private final CountingSuite suite = new CountingSuite(SignatureSuite.of("ed25519-jdk"));
    private final ManualClock clock = new ManualClock(Network.START_SECONDS);
    private final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
    private final SecureRandom random = new SecureRandom(new byte[] {7});
    private final PeerKeys brokerKeys = keys(0);
    private final Broker broker = new Broker(brokerKeys, suite, directory, clock, Network.SCHEDULE, 2, Network.TARIFF,
            id -> null);
    private final PeerKeys ownerKeys = account(OWNER);
    private final PeerKeys holderKeys = account(HOLDER);
    private final Owner owner = new Owner(ownerKeys, 0, suite, directory, clock, new InMemoryAuditTrail(),
            Network.SCHEDULE, 2);
    private final MessageWriter writer = new MessageWriter(suite);

    VerificationCountTest() {
        account(PAYEE);
        owner.addLimitCertificate(broker.buyLimitCertificate(OWNER, 8));
    }

    @Test
    void shouldCheckOnlyTheHoldersSignatureWhenReassigningTheAssignmentTheOwnerSignedLast() {
        final byte[] assignment = owner.assign(owner.printCoin(), HOLDER);
        final byte[] request = writer.reassignmentRequest(holderKeys, PAYEE, assignment, 0, assignment.length);

        suite.verifications.set(0);
        owner.reassign(request);

        assertEquals(1, suite.verifications.get(), "the request's signature; coin, certificate and assignment are"
                + " the owner's own bytes");
    }

    @Test
    void shouldStillRefuseAnAssignmentAlteredUnderAValidRequestSignature() {
        final long serial = owner.printCoin();
        final byte[] assignment = owner.assign(serial, HOLDER);
        assignment[6] ^= 1; // the timestamp: the owner's signature no longer covers these bytes
        final byte[] request = writer.reassignmentRequest(holderKeys, PAYEE, assignment, 0, assignment.length);

        final ProtocolException refused = assertThrows(ProtocolException.class, () -> owner.reassign(request));

        assertEquals(Reason.BAD_SIGNATURE, refused.reason());
        assertEquals(HOLDER, owner.currentHolder(serial), "the coin did not move");
    }

    @Test
    void shouldCheckAFirstCashRequestAndWhatItCarriesOnce() {
        final byte[] assignment = owner.assign(owner.printCoin(), HOLDER);
        final byte[] cash = writer.cashRequest(holderKeys, clock.nowSeconds(), assignment, 0, assignment.length);

        suite.verifications.set(0);
        broker.cash(cash);

        assertEquals(3, suite.verifications.get(), "cash request, assignment and coin: the limit certificate is the"
                + " broker's own, known by its bytes");
    }

    @Test
    void shouldCheckACertificateItDidNotIssueOnceAndThenKnowItByItsBytes() {
        final InMemoryKeyDirectory otherDirectory = new InMemoryKeyDirectory();
        final Broker other = new Broker(brokerKeys, suite, otherDirectory, clock, Network.SCHEDULE, 2,
                Network.TARIFF, id -> null);
        for (long id : new long[] {OWNER, HOLDER}) {
            other.openAccount(id, directory.publicKey(id), Network.DEPOSIT_CENTS);
        }
        final byte[] first = cashRequest();
        final byte[] second = cashRequest();

        suite.verifications.set(0);
        other.cash(first);
        final int firstChecks = suite.verifications.getAndSet(0);
        other.cash(second);

        assertEquals(4, firstChecks, "cash request, assignment, coin and the certificate it has not seen");
        assertEquals(3, suite.verifications.get(), "the same certificate again: known by its bytes");
    }

    @Test
    void shouldCheckEachSignatureOfABatchOnceAsCashingOneByOneDoes() {
        final List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(cashRequest());
        }
        requests.get(2)[requests.get(2).length - 1] ^= 1;   // the holder's signature forged

        suite.verifications.set(0);
        final List<CashOutcome> outcomes = broker.cashBatch(requests);

        assertEquals(15, suite.verifications.get(), "three per request: request, assignment, coin; none again when"
                + " settling, the forged one included");
        assertEquals(List.of(true, true, false, true, true), outcomes.stream().map(CashOutcome::isPaid).toList());
        assertEquals(Reason.BAD_SIGNATURE, outcomes.get(2).refusal().reason());
    }

    @Test
    void shouldStillRefuseACashRequestReplayedByteForByte() {
        final byte[] assignment = owner.assign(owner.printCoin(), HOLDER);
        final byte[] cash = writer.cashRequest(holderKeys, clock.nowSeconds(), assignment, 0, assignment.length);
        broker.cash(cash);

        final ProtocolException refused = assertThrows(ProtocolException.class, () -> broker.cash(cash));

        assertEquals(Reason.REPLAYED, refused.reason());
    }

    private byte[] cashRequest() {
        final byte[] assignment = owner.assign(owner.printCoin(), HOLDER);
        return writer.cashRequest(holderKeys, clock.nowSeconds(), assignment, 0, assignment.length);
    }

    private PeerKeys account(long id) {
        final PeerKeys keys = keys(id);
        broker.openAccount(id, keys.publicKey(), Network.DEPOSIT_CENTS);
        return keys;
    }

    private PeerKeys keys(long id) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }

    /** A real suite that counts the signatures it checks. */
    private static final class CountingSuite implements SignatureSuite {
        final AtomicInteger verifications = new AtomicInteger();
        private final SignatureSuite real;

        CountingSuite(SignatureSuite real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public SignatureAlgorithm algorithm() {
            return real.algorithm();
        }

        @Override
        public String providerName() {
            return real.providerName();
        }

        @Override
        public String providerDescription() {
            return real.providerDescription();
        }

        @Override
        public int signatureLength() {
            return real.signatureLength();
        }

        @Override
        public KeyPair generateKeyPair(SecureRandom random) {
            return real.generateKeyPair(random);
        }

        @Override
        public byte[] publicKeyBytes(PublicKey key) {
            return real.publicKeyBytes(key);
        }

        @Override
        public PublicKey publicKey(byte[] rawPublicKey) {
            return real.publicKey(rawPublicKey);
        }

        @Override
        public PrivateKey privateKey(byte[] pkcs8PrivateKey) {
            return real.privateKey(pkcs8PrivateKey);
        }

        @Override
        public byte[] sign(PrivateKey key, byte[] message) {
            return real.sign(key, message);
        }

        @Override
        public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut,
                int signatureOffset) {
            real.sign(key, message, offset, length, signatureOut, signatureOffset);
        }

        @Override
        public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
            verifications.incrementAndGet();
            return real.verify(publicKey, message, signature);
        }

        @Override
        public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
                int signatureOffset) {
            verifications.incrementAndGet();
            return real.verify(publicKey, message, offset, length, signature, signatureOffset);
        }
    }
}
