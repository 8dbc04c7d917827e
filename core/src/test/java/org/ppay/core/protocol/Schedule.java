package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.fraud.FraudDetectedException;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.protocol.Network.Peer;

/**
 * One random schedule: N peers, some malicious, payments through every path, downtime, renewals, fraud, then
 * everybody cashes everything. Checks the invariants of section 4.1 after every step and the fraud, punishment and
 * money properties at the end. At most one fraudulent act per coin, so each act has one culprit to find.
 */
final class Schedule {

    /** A fraudulent act that took effect (a payee accepted the fake, or an owner or the broker was asked). */
    record Act(long actor, CoinKey coin, String kind) {
    }

    private final SplittableRandom random;
    private final Network net;
    private final MessageWriter writer;
    private final int peerCount;
    private final Set<Long> malicious = new HashSet<>();
    private final Map<CoinKey, long[]> legit = new HashMap<>();
    private final Set<CoinKey> touched = new HashSet<>();
    private final List<Act> acts = new ArrayList<>();
    private final Map<Long, List<byte[]>> staleCopies = new HashMap<>();
    private final List<long[]> proofsDue = new ArrayList<>();
    private final List<long[]> proofsDueAfterSync = new ArrayList<>();
    private int prevented;
    private int unsurfaced;
    private int layeredThroughBroker;
    private int directAssignments;
    final List<String> trace = new ArrayList<>();
    /** Coins of which a fake branch died: a payee refused it, so the fake may never reach the broker. */
    private final Set<CoinKey> lostBranches = new HashSet<>();

    Schedule(long seed, SignatureSuite suite) {
        this.random = new SplittableRandom(seed);
        this.peerCount = 3 + random.nextInt(4);
        this.net = new Network(suite, peerCount, 1 + random.nextInt(2), new SecureRandom());
        this.writer = new MessageWriter(suite);
        for (long id = 1; id <= peerCount; id++) {
            if (random.nextInt(3) == 0) {
                malicious.add(id);
            }
        }
    }

    List<Act> acts() {
        return acts;
    }

    /** Acts whose fake died in a refused payment before any owner or the broker could see it. */
    int unsurfaced() {
        return unsurfaced;
    }

    int prevented() {
        return prevented;
    }

    /** Layered coins the broker reassigned or renewed for an owner that was down (section 6.3). */
    int layeredThroughBroker() {
        return layeredThroughBroker;
    }

    /** Coins an owner was paid with and assigned again directly. */
    int directAssignments() {
        return directAssignments;
    }

    void run() {
        final int steps = 20 + random.nextInt(40);
        for (int step = 0; step < steps; step++) {
            if (step == steps / 2) {
                renewalPhase();
            }
            switch (random.nextInt(10)) {
                case 0, 1 -> mint();
                case 2, 3, 4, 5 -> pay();
                case 6 -> toggleDowntime();
                case 7, 8 -> attack();
                default -> cashOne();
            }
            checkInvariants();
        }
        finish();
    }

    // ---- honest steps ----

    private void mint() {
        final Peer owner = anyPeer();
        if (!owner.owner().online()) {
            return;
        }
        final long serial;
        if (random.nextBoolean()) {
            serial = owner.owner().addRawCoin(net.broker.buyRawCoins(owner.id(), 1)[0]);
        } else {
            if (owner.owner().printableCoins() == 0) {
                owner.owner().addLimitCertificate(net.broker.buyLimitCertificate(owner.id(), 3));
            }
            serial = owner.owner().printCoin();
        }
        final Peer payee = otherThan(owner.id());
        final CoinKey coin = payee.holder().receive(owner.owner().assign(serial, payee.id()));
        legit.put(coin, new long[] {1, payee.id()});
    }

    private void pay() {
        final Peer payer = anyPeer();
        final List<CoinKey> coins = payer.holder().coins();
        if (coins.isEmpty()) {
            return;
        }
        final CoinKey coin = coins.get(random.nextInt(coins.size()));
        final Peer payee = payeeFor(coin, payer.id());
        if (payee == null) {
            return;
        }
        final Holder h = payer.holder();
        final Owner owner = net.peer(coin.owner()).owner();
        final boolean layered = isLayered(h, coin);
        final byte[] before = h.instrument(coin);
        final long seqBefore = h.seq(coin);
        try {
            final byte[] payment;
            String path;
            if (h.canLayer(coin) && random.nextInt(3) == 0) {
                payment = h.payByLayer(coin, payee.id(), payee.holder().highestSeq(coin) + 1);
                path = "layer";
            } else if (payer.id() == coin.owner() && !layered && owner.online() && random.nextBoolean()) {
                payment = owner.assign(coin.serial(), payee.id());   // paid with its own coin: assigns it directly
                h.drop(coin);
                path = "direct";
                directAssignments++;
            } else if (layered && owner.online() && random.nextBoolean()) {
                payment = h.payByPeeling(coin, payee.id(), owner);
                path = "peel";
            } else if (layered && !owner.online()) {
                payment = h.payViaBroker(coin, payee.id(), net.broker);   // section 6.3: the layers go along
                path = "broker";
                layeredThroughBroker++;
            } else if (owner.online() && random.nextInt(4) != 0) {
                payment = viaOwnerOrBroker(h, coin, payee.id(), owner);
                path = "owner";
            } else {
                payment = h.payViaBroker(coin, payee.id(), net.broker);
                path = "broker";
            }
            try {
                payee.holder().receive(payment);
            } catch (ProtocolException e) {
                // a payee refuses a coin it has seen with a higher sequence number: only on a branch of a fake
                assertTrue(touched.contains(coin), "honest payment refused: " + e.getMessage());
                prevented++;
                lostBranches.add(coin);
                return;
            }
            trace.add(path + " " + coin + " " + payer.id() + "->" + payee.id() + " seq " + payee.holder().seq(coin));
            afterTransfer(coin, payer.id(), payee.id(), seqBefore, payee.holder().seq(coin), before, path);
        } catch (ProtocolException e) {
            // a fake upstream of this payer; the payer keeps the coin and cashes it at the end
            assertTrue(touched.contains(coin), "payment of a coin no one cheated with refused: " + e.getMessage());
        }
    }

    private byte[] viaOwnerOrBroker(Holder h, CoinKey coin, long payee, Owner owner) {
        try {
            return h.payViaOwner(coin, payee, owner);
        } catch (FraudDetectedException e) {
            throw e;
        } catch (ProtocolException e) {
            // the owner refuses (e.g. it double-spent the coin): the downtime protocol, same request bytes
            assertTrue(touched.contains(coin), "owner refused an honest payment: " + e.getMessage());
            return h.payViaBroker(coin, payee, net.broker);
        }
    }

    private void afterTransfer(CoinKey coin, long payer, long payee, long seqBefore, long seqAfter, byte[] given,
            String path) {
        if (touched.contains(coin)) {
            return;
        }
        assertTrue(seqAfter > seqBefore, "invariant 2: seq " + seqAfter + " after " + seqBefore);
        legit.put(coin, new long[] {seqAfter, payee});
        staleCopies.computeIfAbsent(payer, p -> new ArrayList<>()).add(given);
        switch (path) {
            case "owner", "peel" -> addHoldings(proofsDue, given);
            case "broker" -> addHoldings(proofsDueAfterSync, given);
            default -> { }
        }
    }

    /** Every holding of an instrument given up whole: its layers' and the outermost one (invariant 3). */
    private void addHoldings(List<long[]> due, byte[] given) {
        final org.ppay.core.coin.Instrument i = new org.ppay.core.coin.Instrument(64, net.maxLayers);
        i.parse(given, 0, given.length);
        for (int j = 0; j <= i.layers(); j++) {
            due.add(new long[] {i.owner(), i.serial(), i.seq(j), i.holder(j)});
        }
    }

    private void toggleDowntime() {
        final Owner owner = anyPeer().owner();
        trace.add((owner.online() ? "DOWN " : "UP ") + owner.ownerId());
        if (owner.online()) {
            owner.goOffline();
        } else {
            for (Evidence evidence : owner.comeOnline()) {
                assertTrue(malicious.contains(evidence.culprit()), "honest peer convicted: " + evidence);
            }
        }
    }

    private void renewalPhase() {
        long begin = Long.MAX_VALUE;
        for (Peer p : net.peers()) {
            for (CoinKey coin : p.holder().coins()) {
                begin = Math.min(begin, p.holder().renewalBegin(coin));
            }
        }
        if (begin == Long.MAX_VALUE) {
            return;
        }
        net.clock.setSeconds(begin + 10);
        for (Peer p : net.peers()) {
            for (CoinKey coin : p.holder().coins()) {
                if (p.holder().renewalBegin(coin) > net.clock.nowSeconds()) {
                    continue;
                }
                final boolean layered = isLayered(p.holder(), coin);
                if (layered && random.nextInt(3) == 0) {
                    cash(p, coin);
                    continue;
                }
                final Owner owner = net.peer(coin.owner()).owner();
                final long seqBefore = p.holder().seq(coin);
                final byte[] given = p.holder().instrument(coin);
                try {
                    trace.add("renew " + coin + " by " + p.id() + (owner.online() ? " via owner" : " via broker"));
                    p.holder().renew(coin, owner.online() ? owner : null, net.broker);
                    if (layered && !owner.online()) {
                        layeredThroughBroker++;
                    }
                } catch (FraudDetectedException e) {
                    assertTrue(touched.contains(coin));
                    cash(p, coin);
                    continue;
                } catch (ProtocolException e) {
                    assertTrue(touched.contains(coin), "honest renewal refused: " + e.getMessage());
                    p.holder().renew(coin, null, net.broker);
                }
                if (!touched.contains(coin)) {
                    legit.put(coin, new long[] {p.holder().seq(coin), p.id()});
                    staleCopies.computeIfAbsent(p.id(), x -> new ArrayList<>()).add(given);
                    addHoldings(owner.online() ? proofsDue : proofsDueAfterSync, given);
                }
            }
        }
    }

    private void cashOne() {
        final Peer p = anyPeer();
        final List<CoinKey> coins = p.holder().coins();
        if (!coins.isEmpty()) {
            cash(p, coins.get(random.nextInt(coins.size())));
        }
    }

    private void cash(Peer p, CoinKey coin) {
        final CashReceipt receipt = p.holder().cash(coin, net.broker);
        trace.add("cash " + coin + " by " + p.id() + " -> " + receipt);
        legit.remove(coin);
        if (!malicious.contains(p.id())) {
            assertEquals(Network.TARIFF.coinValueCents() - Network.TARIFF.cashFeeCents(), receipt.payoutCents(),
                    "an honest holder is paid in full");
        }
        if (!touched.contains(coin)) {
            touched.add(coin); // cashed: out of circulation, no later fraud on it
        }
    }

    // ---- attacks ----

    private void attack() {
        final List<Long> cheats = new ArrayList<>(malicious);
        if (cheats.isEmpty()) {
            return;
        }
        final Peer cheat = net.peer(cheats.get(random.nextInt(cheats.size())));
        switch (random.nextInt(3)) {
            case 0 -> replicate(cheat);
            case 1 -> doubleSpend(cheat);
            default -> replicateByCash(cheat);
        }
    }

    /** Spends a copy of an assignment the cheat already gave up, by the owner, the broker or a layer. */
    private void replicate(Peer cheat) {
        final byte[] copy = freshStaleCopy(cheat.id());
        if (copy == null) {
            return;
        }
        final CoinKey coin = keyOf(copy);
        final Peer payee = payeeFor(coin, cheat.id());
        if (payee == null) {
            return;
        }
        final Owner owner = net.peer(coin.owner()).owner();
        touched.add(coin);
        final byte[] payment;
        try {
            final int way = random.nextInt(3);
            if (way == 0 && owner.online()) {
                payment = owner.reassign(writer.reassignmentRequest(cheat.keys(), payee.id(), copy, 0, copy.length));
            } else if (way == 1 || layersOf(copy) >= net.maxLayers) {
                payment = net.broker.reassignForOwner(writer.reassignmentRequest(cheat.keys(), payee.id(), copy, 0,
                        copy.length));
            } else {
                payment = writer.layer(cheat.keys(), payee.id(), seqOf(copy) + 1, copy, 0, copy.length);
            }
        } catch (FraudDetectedException e) {
            acts.add(new Act(cheat.id(), coin, "replication"));
            return;
        } catch (ProtocolException e) {
            prevented++;
            return;
        }
        acts.add(new Act(cheat.id(), coin, "replication"));
        trace.add("REPLICA " + coin + " seq " + seqOf(copy) + " by " + cheat.id() + " to " + payee.id());
        try {
            payee.holder().receive(payment);
        } catch (ProtocolException e) {
            prevented++;
            lostBranches.add(coin);
        }
    }

    /** A cheating owner assigns a coin it already assigned to someone else (or prints its serial again). */
    private void doubleSpend(Peer cheat) {
        final List<Long> candidates = new ArrayList<>();
        for (long serial : cheat.owner().serials()) {
            final CoinKey coin = new CoinKey(cheat.id(), serial);
            if (!touched.contains(coin) && cheat.owner().currentSeq(serial) > 0) {
                candidates.add(serial);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        final long serial = candidates.get(random.nextInt(candidates.size()));
        final CoinKey coin = new CoinKey(cheat.id(), serial);
        final long current = cheat.owner().currentHolder(serial);
        final Peer payee = payeeFor(coin, cheat.id());
        if (payee == null || payee.id() == current) {
            return;
        }
        touched.add(coin);
        final byte[] bare = cheat.owner().coin(serial);
        final long now = net.clock.nowSeconds();
        final long begin = Network.SCHEDULE.firstWindowBegin(now);
        final long seq = random.nextBoolean() ? cheat.owner().currentSeq(serial) : 1 + random.nextInt(5);
        final byte[] fake = writer.assignment(cheat.keys(), false, payee.id(), seq, now, begin,
                Network.SCHEDULE.windowEnd(begin), bare, 0, bare.length);
        trace.add("FAKE " + coin + " seq " + seq + " to " + payee.id() + " (current holder " + current + ")");
        try {
            payee.holder().receive(fake);
            acts.add(new Act(cheat.id(), coin, "double-spend"));
        } catch (ProtocolException e) {
            prevented++;
        }
    }

    /** Cashes a copy of an assignment the cheat gave up. */
    private void replicateByCash(Peer cheat) {
        final byte[] copy = freshStaleCopy(cheat.id());
        if (copy == null) {
            return;
        }
        final CoinKey coin = keyOf(copy);
        touched.add(coin);
        try {
            final CashReceipt receipt = net.broker.cash(writer.cashRequest(cheat.keys(), net.clock.nowSeconds(), copy,
                    0, copy.length));
            acts.add(new Act(cheat.id(), coin, "double-cash"));
            if (receipt.evidence() != null) {
                assertEquals(cheat.id(), receipt.evidence().culprit());
            }
        } catch (ProtocolException e) {
            prevented++;
        }
    }

    private byte[] freshStaleCopy(long cheat) {
        final List<byte[]> copies = staleCopies.getOrDefault(cheat, List.of());
        final List<byte[]> fresh = new ArrayList<>();
        for (byte[] copy : copies) {
            if (!touched.contains(keyOf(copy))) {
                fresh.add(copy);
            }
        }
        return fresh.isEmpty() ? null : fresh.get(random.nextInt(fresh.size()));
    }

    // ---- checks ----

    private void checkInvariants() {
        for (Map.Entry<CoinKey, long[]> e : legit.entrySet()) {
            if (touched.contains(e.getKey())) {
                continue;
            }
            final long[] holding = e.getValue();
            assertFalse(net.peer(e.getKey().owner()).owner().hasProof(e.getKey().serial(), holding[0], holding[1]),
                    "invariant 1: the owner holds a proof against the valid holder of " + e.getKey());
        }
        for (long[] due : proofsDue) {
            if (!touched.contains(new CoinKey(due[0], due[1]))) {
                assertTrue(net.peer(due[0]).owner().hasProof(due[1], due[2], due[3]),
                        "invariant 3: no proof that peer " + due[3] + " gave up seq " + due[2]);
            }
        }
        assertEquals(0, net.broker.ledger().imbalanceCents(), "money is conserved");
    }

    private void finish() {
        for (Peer p : net.peers()) {
            p.owner().comeOnline(); // also takes the requests the broker handled while it was up but not asked
        }
        checkInvariants();
        for (long[] due : proofsDueAfterSync) {
            if (!touched.contains(new CoinKey(due[0], due[1]))) {
                assertTrue(net.peer(due[0]).owner().hasProof(due[1], due[2], due[3]),
                        "invariant 3 after the owner came back: no proof for seq " + due[2]);
            }
        }
        for (Peer p : net.peers()) {
            for (CoinKey coin : p.holder().coins()) {
                cash(p, coin);
            }
        }
        for (long cheat : malicious) {
            for (byte[] copy : staleCopies.getOrDefault(cheat, List.of())) {
                try {
                    net.broker.cash(writer.cashRequest(net.peer(cheat).keys(), net.clock.nowSeconds(), copy, 0,
                            copy.length));
                    if (!touched.contains(keyOf(copy))) {
                        fail("a stale copy of an untouched coin was cashed without evidence");
                    }
                } catch (ProtocolException e) {
                    // refused outright
                }
            }
        }
        final List<Evidence> convictions = net.broker.convictions();
        for (Evidence evidence : convictions) {
            assertTrue(malicious.contains(evidence.culprit()), "honest peer " + evidence.culprit() + " convicted: "
                    + evidence);
            evidence.verify(net.directory, net.suite, net.maxLayers, Network.BROKER_ID);
        }
        for (Act act : acts) {
            if (lostBranches.contains(act.coin())) {
                unsurfaced++;
                continue;
            }
            final boolean caught = convictions.stream().anyMatch(e -> e.culprit() == act.actor()
                    && e.owner() == act.coin().owner() && e.serial() == act.coin().serial());
            assertTrue(caught, "undetected " + act);
        }
        for (Peer p : net.peers()) {
            if (!malicious.contains(p.id())) {
                assertEquals(0, net.broker.convictions(p.id()));
                assertTrue(net.broker.balanceCents(p.id()) >= 0, "honest peer " + p.id() + " out of money");
            }
        }
        assertEquals(0, net.broker.ledger().imbalanceCents(), "money is conserved");
        assertTrue(net.broker.ledger().outstandingCents() >= 0);
    }

    // ---- helpers ----

    private Peer anyPeer() {
        return net.peer(1 + random.nextInt(peerCount));
    }

    private Peer otherThan(long... excluded) {
        final List<Peer> others = new ArrayList<>();
        for (Peer p : net.peers()) {
            boolean ok = true;
            for (long x : excluded) {
                ok &= p.id() != x;
            }
            if (ok) {
                others.add(p);
            }
        }
        return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
    }

    /** A payee other than {@code payer} that does not hold the coin already (it would refuse it). */
    private Peer payeeFor(CoinKey coin, long payer) {
        final List<Peer> others = new ArrayList<>();
        for (Peer p : net.peers()) {
            if (p.id() != payer && !p.holder().holds(coin)) {
                others.add(p);
            }
        }
        return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
    }

    private boolean isLayered(Holder h, CoinKey coin) {
        return isLayeredBytes(h.instrument(coin));
    }

    private static boolean isLayeredBytes(byte[] instrument) {
        return (instrument[0] & 0xFF) == 0x07;
    }

    private CoinKey keyOf(byte[] assignment) {
        final org.ppay.core.coin.Instrument i = new org.ppay.core.coin.Instrument(64, net.maxLayers);
        i.parse(assignment, 0, assignment.length);
        return new CoinKey(i.owner(), i.serial());
    }

    private int layersOf(byte[] instrument) {
        final org.ppay.core.coin.Instrument i = new org.ppay.core.coin.Instrument(64, net.maxLayers);
        i.parse(instrument, 0, instrument.length);
        return i.layers();
    }

    private long seqOf(byte[] assignment) {
        final org.ppay.core.coin.Instrument i = new org.ppay.core.coin.Instrument(64, net.maxLayers);
        i.parse(assignment, 0, assignment.length);
        return i.finalSeq();
    }
}
