package org.ppay.bench.protocol;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.ppay.bench.Inputs;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.BrokerVerifier;
import org.ppay.core.broker.LedgerJournal;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.PeerKeys;

/**
 * A broker's cashing population: {@value #OWNERS} owners, each with one limit certificate for all its coins (the
 * simulator gives a peer one certificate for a million coins, so every coin an owner prints carries the same one), and
 * {@value #HOLDERS} holders. {@code requests} cash requests are made once, each a fresh coin of an owner drawn at
 * random assigned to a holder drawn at random (seeded), and signed by that holder.
 *
 * <p>{@link #freshBroker} builds the broker again from its keys with every account open and an empty ledger, so the
 * requests can be cashed again as first cashes; it has issued none of the certificates (they were bought from the
 * set-up broker), so it checks each owner's certificate once, on that owner's first coin, and knows it by its bytes
 * after: about one certificate check per {@value #OWNERS} owners in each pass over the requests, as a broker that
 * runs long checks each certificate once in its life.
 */
final class CashPopulation {

    static final int OWNERS = 16;
    static final int HOLDERS = 48;
    private static final long DEPOSIT_CENTS = 1_000_000_000L;

    private final SignatureSuite suite;
    private final SetUpClock clock = new SetUpClock(ProtocolWorld.START_SECONDS);
    private final PeerKeys[] peers = new PeerKeys[1 + OWNERS + HOLDERS];
    private final Owner[] owners = new Owner[OWNERS];
    private final byte[][] requests;

    CashPopulation(SignatureSuite suite, int requests) {
        this.suite = suite;
        SecureRandom random = Inputs.random(19);
        for (int id = 0; id < peers.length; id++) {
            KeyPair pair = suite.generateKeyPair(random);
            peers[id] = new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
        }
        InMemoryKeyDirectory setUpDirectory = new InMemoryKeyDirectory();
        Broker issuer = freshBroker(setUpDirectory, BrokerVerifier.provider(suite));
        for (int k = 0; k < OWNERS; k++) {
            long id = ownerId(k);
            owners[k] = new Owner(peers[(int) id], ProtocolWorld.BROKER, suite, setUpDirectory, clock,
                    new InMemoryAuditTrail(), ProtocolWorld.SCHEDULE, ProtocolWorld.MAX_LAYERS);
            owners[k].addLimitCertificate(issuer.buyLimitCertificate(id, Integer.MAX_VALUE));
        }
        MessageWriter writer = new MessageWriter(suite);
        SplittableRandom draw = new SplittableRandom(19);
        this.requests = new byte[requests][];
        for (int i = 0; i < requests; i++) {
            Owner owner = owners[draw.nextInt(OWNERS)];
            long holder = 1 + OWNERS + draw.nextInt(HOLDERS);
            byte[] assignment = owner.assign(owner.printCoin(), holder);
            this.requests[i] = writer.cashRequest(peers[(int) holder], clock.nowSeconds(), assignment, 0,
                    assignment.length);
        }
    }

    SignatureSuite suite() {
        return suite;
    }

    /** The cash requests, each a coin's first. */
    byte[][] requests() {
        return requests;
    }

    /** A broker with every account open and an empty ledger, checking under {@code verifier}'s policy. */
    Broker freshBroker(BrokerVerifier verifier) {
        return freshBroker(new InMemoryKeyDirectory(), verifier);
    }

    private Broker freshBroker(InMemoryKeyDirectory directory, BrokerVerifier verifier) {
        Broker broker = new Broker(peers[0], suite, directory, clock, ProtocolWorld.SCHEDULE, ProtocolWorld.MAX_LAYERS,
                ProtocolWorld.TARIFF, id -> id >= 1 && id <= OWNERS ? owners[(int) id - 1] : null,
                LedgerJournal.memoryOnly(), verifier);
        for (int id = 1; id < peers.length; id++) {
            broker.openAccount(id, peers[id].publicKey(), DEPOSIT_CENTS);
        }
        return broker;
    }

    private static long ownerId(int k) {
        return 1 + k;
    }
}
