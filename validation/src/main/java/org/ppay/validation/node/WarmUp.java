package org.ppay.validation.node;

import java.security.KeyPair;
import java.security.SecureRandom;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;

/**
 * Brings a child's code to steady state before the replay, as JMH's warm-up does for the cost table: a private
 * broker, two owners and two holders in this process pay, reassign, layer, peel, renew and cash coins with the real
 * suite for a bounded time. Nothing of it is measured, and none of it touches the deployment's roles or sockets.
 */
final class WarmUp {

    private static final long PERIOD_SECONDS = 1_000;
    private static final long START_SECONDS = 10;
    private static final int COINS_PER_ROUND = 32;

    private WarmUp() {
    }

    static void run(SignatureSuite suite, long budgetNanos) {
        final long end = System.nanoTime() + budgetNanos;
        final SecureRandom random = new SecureRandom();
        final RenewalSchedule schedule = new RenewalSchedule(PERIOD_SECONDS, PERIOD_SECONDS);
        while (System.nanoTime() < end) {
            final ManualClock clock = new ManualClock(START_SECONDS);
            final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
            final Broker broker = new Broker(keys(suite, 0, random), suite, directory, clock, schedule, 2,
                    PeerHost.TARIFF, id -> null);
            final PeerKeys a = keys(suite, 1, random);
            final PeerKeys b = keys(suite, 2, random);
            broker.openAccount(1, a.publicKey(), 1_000_000);
            broker.openAccount(2, b.publicKey(), 1_000_000);
            final Owner owner = new Owner(a, 0, suite, directory, clock, new InMemoryAuditTrail(), schedule, 2);
            final Holder holderA = new Holder(a, 0, suite, directory, clock, 2);
            final Holder holderB = new Holder(b, 0, suite, directory, clock, 2);
            owner.addLimitCertificate(broker.buyLimitCertificate(1, 64));
            for (int i = 0; i < COINS_PER_ROUND && System.nanoTime() < end; i++) {
                final long serial = owner.printCoin();
                final CoinKey coin = new CoinKey(1, serial);
                holderB.receive(owner.assign(serial, 2));
                holderA.receive(holderB.payViaOwner(coin, 1, owner));
                holderB.receive(holderA.payByLayer(coin, 2));
                holderA.receive(holderB.payByPeeling(coin, 1, owner));
                holderB.receive(holderA.payViaOwner(coin, 2, owner));
                clock.setSeconds(schedule.firstWindowBegin(clock.nowSeconds()));
                holderB.renew(coin, owner, null);
                holderB.cash(coin, broker);
            }
        }
    }

    private static PeerKeys keys(SignatureSuite suite, long id, SecureRandom random) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }
}
