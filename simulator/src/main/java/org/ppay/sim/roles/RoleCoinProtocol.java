package org.ppay.sim.roles;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.Tariff;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;
import org.ppay.sim.Scheme;
import org.ppay.sim.Simulation;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.CoinProtocol;
import org.ppay.sim.load.Task;

/**
 * Every protocol step performed by the core's own {@link Broker}, {@link Owner}s and {@link Holder}s over signed wire
 * bytes (with a {@link CountingSuite}, or a real suite at small scale), before the model's bookkeeping counts it: a step the real roles refuse throws
 * the core's {@code ProtocolException} and the run stops there. Peer {@code p} of the simulation is peer id
 * {@code p + 1}; the broker is id 0.
 *
 * <p>Each step signs what the model counts: a layered coin goes whole into one reassignment or renewal request, to
 * its owner or (PPay*, section 6.3) to the broker, which checks every layer; an owner paid with its own coin by a
 * layer takes it back without signing ({@code Owner.takeBack}) and assigns it again directly. Renewal periods that
 * are not whole seconds are refused up front (the core's schedule counts seconds).
 */
public final class RoleCoinProtocol implements CoinProtocol {

    private static final long BROKER_ID = 0;
    private static final int COINS_PER_CERTIFICATE = 1_000_000;
    private static final Tariff TARIFF = new Tariff(1, 0, 0, 0, 0, 1, 0);

    private final CoinProtocol model;
    private final CoinLedger ledger;
    private final SignatureSuite suite;
    private final ManualClock clock = new ManualClock(0);
    private final Broker broker;
    private final Owner[] owners;
    private final Holder[] holders;
    private final SecureRandom random = new SecureRandom();
    private long[] serials = new long[1024];
    private long layeredThroughBroker;
    private final long periodSeconds;
    private long purgedInPeriod;

    /**
     * @param model           the bookkeeping and counting each step also goes through (AccountingCoinProtocol)
     * @param ledger          the simulation's coin ledger, which {@code model} updates
     * @param peers           peers in the simulation
     * @param maxLayers       the run's Max Layers
     * @param brokerReassigns whether the run uses the downtime protocol (PPay*)
     * @param periodSeconds   the Renewal Wait in seconds
     * @param suite           signs and checks every message: a {@link CountingSuite}, or a real suite
     */
    public RoleCoinProtocol(CoinProtocol model, CoinLedger ledger, int peers, int maxLayers, boolean brokerReassigns,
                            double periodSeconds, SignatureSuite suite) {
        if (periodSeconds != Math.rint(periodSeconds)) {
            throw new IllegalArgumentException("the core's renewal schedule counts whole seconds; renewal-wait-days"
                    + " gives " + periodSeconds + " s");
        }
        this.model = model;
        this.ledger = ledger;
        this.suite = suite;
        this.periodSeconds = (long) periodSeconds;
        final RenewalSchedule schedule = new RenewalSchedule((long) periodSeconds, (long) periodSeconds);
        final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
        this.owners = new Owner[peers];
        this.holders = new Holder[peers];
        this.broker = new Broker(keys(BROKER_ID), suite, directory, clock, schedule, maxLayers, TARIFF,
                id -> id >= 1 && id <= peers ? owners[(int) id - 1] : null);
        for (int p = 0; p < peers; p++) {
            final PeerKeys keys = keys(id(p));
            broker.openAccount(id(p), keys.publicKey(), (long) COINS_PER_CERTIFICATE * TARIFF.coinValueCents());
            owners[p] = new Owner(keys, BROKER_ID, suite, directory, clock, new InMemoryAuditTrail(), schedule,
                    maxLayers);
            owners[p].connect(broker);
            holders[p] = new Holder(keys, BROKER_ID, suite, directory, clock, maxLayers);
        }
    }

    /** A factory for {@code Simulation}: every step of the run through the real roles with {@code suite}. */
    public static Simulation.ProtocolFactory factory(SignatureSuite suite) {
        return (p, ledger, accounting) -> new RoleCoinProtocol(accounting, ledger, p.networkSize(), p.maxLayers(),
                p.scheme() == Scheme.PPAY_STAR, p.renewalWaitDays() * 86_400, suite);
    }

    private PeerKeys keys(long id) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }

    private static long id(int peer) {
        return peer + 1L;
    }

    private CoinKey key(int coin) {
        return new CoinKey(id(ledger.owner(coin)), serials[coin]);
    }

    private void at(double now) {
        clock.setSeconds((long) Math.floor(now));
        final long period = clock.nowSeconds() / periodSeconds;
        if (period > purgedInPeriod) {
            purgedInPeriod = period;
            for (Owner owner : owners) {
                owner.purgeClosedWindows();   // as the model's proof store does when a window closes (5.3)
            }
        }
    }

    public Broker broker() {
        return broker;
    }

    public Holder holder(int peer) {
        return holders[peer];
    }

    public Owner owner(int peer) {
        return owners[peer];
    }

    /** Layered coins the broker reassigned or renewed (section 6.3), each with every layer checked. */
    public long layeredThroughBroker() {
        return layeredThroughBroker;
    }

    @Override
    public void issueLimitCertificate(int peer, double now) {
        at(now);
        owners[peer].addLimitCertificate(broker.buyLimitCertificate(id(peer), COINS_PER_CERTIFICATE));
        model.issueLimitCertificate(peer, now);
    }

    @Override
    public int print(int owner, double now) {
        at(now);
        final long serial = owners[owner].printCoin();
        final int coin = model.print(owner, now);
        if (coin >= serials.length) {
            serials = Arrays.copyOf(serials, Math.max(coin + 1, serials.length * 2));
        }
        serials[coin] = serial;
        return coin;
    }

    @Override
    public void assign(int coin, int payee, double now) {
        at(now);
        final int owner = ledger.holder(coin);
        final byte[] payment = owners[owner].assign(serials[coin], id(payee));
        if (ledger.sequence(coin) > 0) {
            holders[owner].drop(key(coin));   // it was paid with its own coin: the assignment replaces that copy
        }
        holders[payee].receive(payment);
        model.assign(coin, payee, now);
    }

    @Override
    public void reassignViaOwner(int coin, int payee, double now) {
        at(now);
        final int holder = ledger.holder(coin);
        final Owner owner = owners[ledger.owner(coin)];
        holders[payee].receive(holders[holder].payViaOwner(key(coin), id(payee), owner));
        model.reassignViaOwner(coin, payee, now);
    }

    @Override
    public void reassignViaBroker(int coin, int payee, double now) {
        at(now);
        if (ledger.layers(coin) > 0) {
            layeredThroughBroker++;
        }
        final byte[] payment = holders[ledger.holder(coin)].payViaBroker(key(coin), id(payee), broker);
        holders[payee].receive(payment);
        model.reassignViaBroker(coin, payee, now);
    }

    @Override
    public void addLayer(int coin, int payee, double now) {
        at(now);
        holders[payee].receive(holders[ledger.holder(coin)].payByLayer(key(coin), id(payee)));
        model.addLayer(coin, payee, now);
    }

    @Override
    public void peel(int coin, double now) {
        at(now);
        final int owner = ledger.owner(coin);
        owners[owner].takeBack(holders[owner].instrument(key(coin)));
        model.peel(coin, now);
    }

    @Override
    public void renewViaOwner(int coin, double now) {
        at(now);
        final int holder = ledger.holder(coin);
        holders[holder].renew(key(coin), owners[ledger.owner(coin)], broker);
        model.renewViaOwner(coin, now);
    }

    @Override
    public void renewViaBroker(int coin, double now) {
        at(now);
        if (ledger.layers(coin) > 0) {
            layeredThroughBroker++;
        }
        holders[ledger.holder(coin)].renew(key(coin), null, broker);
        model.renewViaBroker(coin, now);
    }

    @Override
    public void renewOwnCoin(int coin, double now) {
        at(now);
        owners[ledger.owner(coin)].renewHeld(serials[coin]);   // free, as in the model: nothing is signed
        model.renewOwnCoin(coin, now);
    }

    @Override
    public void cash(int coin, Task task, double now) {
        at(now);
        final int holder = ledger.holder(coin);
        if (holder == ledger.owner(coin) && owners[holder].holdsItself(serials[coin])) {
            // the owner holds its own coin: it cashes the bare coin (its window may have moved with renewHeld); an RM
            // owner paid with its own coin by a layer holds that layered coin instead and cashes it as any holder
            broker.cash(owners[holder].cashRequestForHeld(serials[coin]));
            if (holders[holder].holds(key(coin))) {
                holders[holder].drop(key(coin));
            }
        } else {
            holders[holder].cash(key(coin), broker);
        }
        model.cash(coin, task, now);
    }
}
