package org.ppay.bench.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ppay.bench.Inputs;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.LedgerJournal;
import org.ppay.core.broker.Tariff;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;
import org.ppay.core.wire.MessageType;

/**
 * A broker, one owner with a real memory-mapped audit trail in a temporary directory, and two holders, wired in
 * process with the core's own classes and one signature suite. Peer ids: broker 0, owner 1, holders 2 and 3.
 *
 * <p>{@link #freshBroker()} and {@link #freshHolderV()} build a role again from the same keys with none of the state
 * the benchmarks consume (the broker's cashing ledger and stored downtime requests, the holder's wallet), so a pool of
 * signed inputs can be replayed honestly: every message in it is new to the fresh role.
 */
final class ProtocolWorld implements AutoCloseable {

    static final long BROKER = 0;
    static final long OWNER = 1;
    static final long HOLDER_V = 2;
    static final long HOLDER_X = 3;
    static final int MAX_LAYERS = 4;
    static final long START_SECONDS = 1_000_000;
    private static final long DEPOSIT_CENTS = 1_000_000_000L;
    static final Tariff TARIFF = new Tariff(100, 2, 5, 50, 1_000, 1, 3_600);
    static final RenewalSchedule SCHEDULE = new RenewalSchedule(30 * 86_400, 5 * 86_400);

    final SignatureSuite suite;
    final SetUpClock clock = new SetUpClock(START_SECONDS);
    final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
    final PeerKeys brokerKeys;
    final PeerKeys ownerKeys;
    final PeerKeys holderVKeys;
    final PeerKeys holderXKeys;
    final Broker broker;
    final Owner owner;
    final Holder holderV;
    final Holder holderX;
    private final Path auditDirectory;
    private final MappedAuditTrail audit;

    ProtocolWorld(SignatureSuite suite) {
        this.suite = suite;
        SecureRandom random = Inputs.random(11);
        brokerKeys = keys(BROKER, random);
        ownerKeys = keys(OWNER, random);
        holderVKeys = keys(HOLDER_V, random);
        holderXKeys = keys(HOLDER_X, random);
        try {
            auditDirectory = Files.createTempDirectory("ppay-protocol-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the owner's audit trail", e);
        }
        audit = MappedAuditTrail.open(auditDirectory.resolve("trail"), MappedAuditTrail.DEFAULT_SEGMENT_BYTES,
                Durability.none());
        owner = new Owner(ownerKeys, BROKER, suite, directory, clock, audit, SCHEDULE, MAX_LAYERS);
        broker = newBroker(directory, LedgerJournal.memoryOnly());
        owner.connect(broker);
        holderV = new Holder(holderVKeys, BROKER, suite, directory, clock, MAX_LAYERS);
        holderX = new Holder(holderXKeys, BROKER, suite, directory, clock, MAX_LAYERS);
    }

    /**
     * A broker with this world's keys, clock, tariff and owner, and the three peers' accounts opened with their
     * deposits, but an empty ledger: it has cashed nothing and stored no downtime request. It keeps its own key
     * directory (a directory binds a peer id once, and opening an account registers it), holding the same keys, so
     * every signature made in this world checks with it. The owner stays connected to {@link #broker}.
     */
    Broker freshBroker() {
        return newBroker(new InMemoryKeyDirectory(), LedgerJournal.memoryOnly());
    }

    /** As {@link #freshBroker()}, recording its ledger in {@code journal} (an empty one: opening the accounts syncs). */
    Broker freshBroker(LedgerJournal journal) {
        return newBroker(new InMemoryKeyDirectory(), journal);
    }

    /**
     * A fresh coin's cash request, as holder V sends it: the owner prints a coin and assigns it to V, who signs the
     * request (three signatures). Needs a limit certificate in the owner's hands.
     */
    byte[] cashRequest(MessageWriter writer) {
        byte[] assignment = freshAssignment();
        return writer.cashRequest(holderVKeys, clock.nowSeconds(), assignment, 0, assignment.length);
    }

    /** Gives the owner a limit certificate for more serials than any benchmark prints, bought from the broker. */
    void certifyOwnerWithoutLimit() {
        owner.addLimitCertificate(broker.buyLimitCertificate(OWNER, Integer.MAX_VALUE));
    }

    /** A coin the owner prints now and assigns to holder V (two signatures). */
    byte[] freshAssignment() {
        return owner.assign(owner.printCoin(), HOLDER_V);
    }

    /** Holder V's request that the owner reassign a fresh coin to X (three signatures). */
    byte[] reassignmentRequest(MessageWriter writer) {
        byte[] assignment = freshAssignment();
        return writer.reassignmentRequest(holderVKeys, HOLDER_X, assignment, 0, assignment.length);
    }

    /** Holder V's request that the owner renew a fresh coin (three signatures). */
    byte[] renewalRequest(MessageWriter writer) {
        byte[] assignment = freshAssignment();
        return writer.renewalRequest(holderVKeys, assignment, 0, assignment.length);
    }

    /** Fails, naming what came instead, unless {@code answer} is a message of {@code type}. */
    static void requireAnswer(String question, MessageType type, byte[] answer) {
        MessageType actual = MessageType.fromCode(answer[0] & 0xFF);
        if (actual != type) {
            throw new IllegalStateException(question + " was answered with " + actual + ", not " + type);
        }
    }

    /** Holder V again, from its keys, with an empty wallet: it has received nothing. */
    Holder freshHolderV() {
        return new Holder(holderVKeys, BROKER, suite, directory, clock, MAX_LAYERS);
    }

    private Broker newBroker(InMemoryKeyDirectory keyDirectory, LedgerJournal journal) {
        Broker made = new Broker(brokerKeys, suite, keyDirectory, clock, SCHEDULE, MAX_LAYERS, TARIFF,
                id -> id == OWNER ? owner : null, journal);
        made.openAccount(OWNER, ownerKeys.publicKey(), DEPOSIT_CENTS);
        made.openAccount(HOLDER_V, holderVKeys.publicKey(), DEPOSIT_CENTS);
        made.openAccount(HOLDER_X, holderXKeys.publicKey(), DEPOSIT_CENTS);
        return made;
    }

    private PeerKeys keys(long id, SecureRandom random) {
        SignatureSuite generator = keyGenerator(suite);
        KeyPair pair = generator.generateKeyPair(random);
        PrivateKey privateKey = generator == suite ? pair.getPrivate()
                : suite.privateKey(pair.getPrivate().getEncoded());
        return new PeerKeys(id, privateKey, suite.publicKeyBytes(suite.publicKey(
                generator.publicKeyBytes(pair.getPublic()))));
    }

    /**
     * Who generates this world's keys. RSA-2048 key generation searches for primes: hundreds of milliseconds a key
     * with the JDK and Bouncy Castle, tens with the native providers, and a world has four keys, made again by every
     * trial. So RSA keys come from a native provider when one is available and are imported into the suite's own
     * provider (PKCS#8, the raw modulus): what is signed and verified, and with which provider's key objects, is the
     * suite's alone. Ed25519 and ECDSA keys are cheap and made by the suite itself.
     */
    private static SignatureSuite keyGenerator(SignatureSuite suite) {
        if (suite.algorithm() != SignatureAlgorithm.RSA2048) {
            return suite;
        }
        for (String nativeSuite : List.of("rsa2048-accp", "rsa2048-conscrypt")) {
            try {
                return SignatureSuite.of(nativeSuite);
            } catch (IllegalArgumentException unavailable) {
                // try the next one, or the suite itself
            }
        }
        return suite;
    }

    @Override
    public void close() {
        audit.close();
        try (Stream<Path> files = Files.walk(auditDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + auditDirectory, e);
        }
    }
}
