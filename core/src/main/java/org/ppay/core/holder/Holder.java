package org.ppay.core.holder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ppay.core.broker.BrokerEndpoint;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.Instrument;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.coin.Requests;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.owner.OwnerEndpoint;
import org.ppay.core.peer.Clock;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/**
 * A holder of coins (sections 3, 5.2, 5.3): checks every assignment or layered coin it receives, pays by
 * reassignment through the owner, through the broker when the owner is down, or by adding a layer, renews or cashes
 * coins whose window is closing, and keeps its own copy of everything it gave up. Not thread-safe.
 */
public final class Holder {

    private static final int MINIMUM_KEPT_BEFORE_PURGE = 64;

    private final PeerKeys keys;
    private final long brokerId;
    private final SignatureSuite suite;
    private final KeyDirectory directory;
    private final Clock clock;
    private final int maxLayers;
    private final MessageWriter writer;
    private final Instrument instrument;
    private final Map<CoinKey, HeldCoin> wallet = new HashMap<>();
    private final Map<CoinKey, Long> highestSeq = new HashMap<>();
    /**
     * Every give-up until the renewal window of the coin it gave up closes: after that the coin is invalid, its owner
     * purges its proofs, and no dispute can name it. Purged in bulk when the list has doubled since the last purge.
     */
    private final List<GiveUp> givenUp = new ArrayList<>();
    private int keptAtLastPurge;

    public Holder(PeerKeys keys, long brokerId, SignatureSuite suite, KeyDirectory directory, Clock clock,
            int maxLayers) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.brokerId = brokerId;
        this.suite = Objects.requireNonNull(suite, "suite");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxLayers = maxLayers;
        this.writer = new MessageWriter(suite);
        this.instrument = new Instrument(suite.signatureLength(), maxLayers);
    }

    public long peerId() {
        return keys.peerId();
    }

    /**
     * Checks and keeps a payment: an assignment (owner's or broker's) or a layered coin addressed to this holder,
     * with valid signatures, a renewal window not in the past, a coin within its certificate, and a sequence number
     * above any this holder saw for the coin. Returns the coin.
     */
    public CoinKey receive(byte[] payment) {
        final HeldCoin held = check(payment);
        final CoinKey coin = new CoinKey(instrument.owner(), instrument.serial());
        if (wallet.containsKey(coin)) {
            throw new ProtocolException(Reason.REPLAYED, keys.peerId() + " already holds " + coin
                    + ": two live instruments of one coin mean one is fake");
        }
        final Long seen = highestSeq.get(coin);
        if (seen != null && held.seq <= seen) {
            throw new ProtocolException(Reason.STALE_SEQUENCE, coin + ": sequence number " + held.seq
                    + " is not above " + seen + ", which this holder saw before");
        }
        wallet.put(coin, held);
        highestSeq.put(coin, held.seq);
        return coin;
    }

    private HeldCoin check(byte[] payment) {
        instrument.parse(payment);
        if (instrument.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED, "a payment is an assignment or a layered coin");
        }
        instrument.checkHoldable();
        if (instrument.finalHolder() != keys.peerId()) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "payment to peer " + instrument.finalHolder());
        }
        final long now = clock.nowSeconds();
        if (instrument.renewalEnd() < now) {
            throw new ProtocolException(Reason.EXPIRED, "renewal window closed at " + instrument.renewalEnd());
        }
        instrument.verify(directory, suite, brokerId);
        return new HeldCoin(payment.clone(), instrument.finalSeq(), instrument.layers(), instrument.renewalBegin(),
                instrument.renewalEnd());
    }

    // ---- paying ----

    /**
     * Pays {@code payee} with {@code coin} by reassignment through its owner (3)-(4); returns the assignment. A
     * layered coin goes whole into the request, and the owner peels it.
     */
    public byte[] payViaOwner(CoinKey coin, long payee, OwnerEndpoint owner) {
        final HeldCoin held = held(coin);
        final byte[] request = requestFor(held, payee);
        final byte[] assignment = owner.reassign(request);
        return completePayment(coin, held, request, assignment, payee, held.seq + 1);
    }

    /**
     * Pays through the broker when the owner does not answer (5), with the same request bytes as any earlier try. A
     * layered coin (one at Max Layers, section 6.3) goes whole into the request; the broker checks every layer.
     */
    public byte[] payViaBroker(CoinKey coin, long payee, BrokerEndpoint broker) {
        final HeldCoin held = held(coin);
        final byte[] request = requestFor(held, payee);
        final byte[] assignment = broker.reassignForOwner(request);
        return completePayment(coin, held, request, assignment, payee, held.seq + 1);
    }

    /** Whether {@code coin} can take one more layer. */
    public boolean canLayer(CoinKey coin) {
        return held(coin).layers < maxLayers;
    }

    /** Pays by adding a layer (8); returns the layered coin for the payee. */
    public byte[] payByLayer(CoinKey coin, long payee) {
        return payByLayer(coin, payee, 0);
    }

    /**
     * Pays by adding a layer whose sequence number is at least {@code minimumSeq}: the payee names the highest it
     * has seen for the coin ({@link #highestSeq}) plus one, so it will not refuse the layer once it is signed.
     */
    public byte[] payByLayer(CoinKey coin, long payee, long minimumSeq) {
        final HeldCoin held = held(coin);
        if (held.layers >= maxLayers) {
            throw new ProtocolException(Reason.BAD_LAYERS, coin + " already has " + held.layers
                    + " layers, the most allowed");
        }
        if (directory.publicKey(payee) == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "payee " + payee + " has no account");
        }
        final byte[] layered = writer.layer(keys, payee, Math.max(held.seq + 1, minimumSeq), held.instrument, 0,
                held.instrument.length);
        giveUp(coin, layered);
        return layered;
    }

    /**
     * Pays a layered coin through its owner, who peels the layers and assigns the coin to {@code payee}; returns
     * that assignment.
     */
    public byte[] payByPeeling(CoinKey coin, long payee, OwnerEndpoint owner) {
        final HeldCoin held = held(coin);
        final byte[] layered = held.pendingRequest != null && held.pendingPayee == payee
                && Requests.type(held.pendingRequest) == Requests.LAYERED
                ? held.pendingRequest
                : writer.layer(keys, payee, held.seq + 1, held.instrument, 0, held.instrument.length);
        held.pendingRequest = layered;
        held.pendingPayee = payee;
        final byte[] assignment = owner.peel(layered);
        return completePayment(coin, held, layered, assignment, payee, held.seq + 1);
    }

    // ---- renewing and cashing ----

    /**
     * Renews through the owner (10)-(11), or through the broker when {@code owner} is null; a layered coin is renewed
     * whole (the renewed assignment replaces its layers).
     */
    public CoinKey renew(CoinKey coin, OwnerEndpoint owner, BrokerEndpoint broker) {
        final HeldCoin held = held(coin);
        final byte[] request = held.pendingRequest != null && held.pendingPayee == keys.peerId()
                && Requests.type(held.pendingRequest) == Requests.RENEWAL
                ? held.pendingRequest
                : writer.renewalRequest(keys, held.instrument, 0, held.instrument.length);
        held.pendingRequest = request;
        held.pendingPayee = keys.peerId();
        final byte[] renewed = owner != null ? owner.renew(request) : broker.renewForOwner(request);
        check(renewed);
        if (instrument.owner() != coin.owner() || instrument.serial() != coin.serial() || instrument.layers() != 0
                || instrument.finalSeq() <= held.seq || instrument.renewalEnd() <= held.renewalEnd) {
            throw new ProtocolException(Reason.STALE_SEQUENCE, coin + ": the renewed assignment does not renew it");
        }
        keepGivenUp(request, held.renewalEnd);
        wallet.put(coin, new HeldCoin(renewed.clone(), instrument.finalSeq(), 0, instrument.renewalBegin(),
                instrument.renewalEnd()));
        highestSeq.put(coin, instrument.finalSeq());
        return coin;
    }

    /** Cashes a coin at the broker; the coin leaves the wallet whatever the broker answers. */
    public CashReceipt cash(CoinKey coin, BrokerEndpoint broker) {
        final HeldCoin held = held(coin);
        final byte[] request = writer.cashRequest(keys, clock.nowSeconds(), held.instrument, 0,
                held.instrument.length);
        final CashReceipt receipt = broker.cash(request);
        giveUp(coin, request);
        return receipt;
    }

    // ---- wallet ----

    public boolean holds(CoinKey coin) {
        return wallet.containsKey(coin);
    }

    /** The coins held now, in a stable order. */
    public List<CoinKey> coins() {
        final List<CoinKey> coins = new ArrayList<>(wallet.keySet());
        coins.sort((a, b) -> a.owner() != b.owner() ? Long.compare(a.owner(), b.owner())
                : Long.compare(a.serial(), b.serial()));
        return coins;
    }

    /**
     * The coins whose renewal window is open now: renew them (layered or not) or cash them before the window
     * closes, or they are void.
     */
    public List<CoinKey> coinsToRenewOrCash() {
        final long now = clock.nowSeconds();
        final List<CoinKey> due = new ArrayList<>();
        for (CoinKey coin : coins()) {
            final HeldCoin held = wallet.get(coin);
            if (held.renewalBegin <= now && now <= held.renewalEnd) {
                due.add(coin);
            }
        }
        return due;
    }

    /** The instrument held for a coin (a copy). */
    public byte[] instrument(CoinKey coin) {
        return held(coin).instrument.clone();
    }

    /** The highest sequence number this holder has seen for a coin, 0 when never. */
    public long highestSeq(CoinKey coin) {
        return highestSeq.getOrDefault(coin, 0L);
    }

    public long seq(CoinKey coin) {
        return held(coin).seq;
    }

    public long renewalBegin(CoinKey coin) {
        return held(coin).renewalBegin;
    }

    public long renewalEnd(CoinKey coin) {
        return held(coin).renewalEnd;
    }

    /** Drops a coin without giving it up, e.g. after its payment was refused as fraud by someone upstream. */
    public void drop(CoinKey coin) {
        held(coin);
        wallet.remove(coin);
    }

    /**
     * Copies of every request, layer and cash request this holder signed to give a coin up whose renewal window has
     * not closed yet, oldest first.
     */
    public List<byte[]> givenUp() {
        final long now = clock.nowSeconds();
        final List<byte[]> copies = new ArrayList<>(givenUp.size());
        for (GiveUp giveUp : givenUp) {
            if (giveUp.renewalEnd() >= now) {
                copies.add(giveUp.message().clone());
            }
        }
        return copies;
    }

    private void keepGivenUp(byte[] message, long renewalEnd) {
        if (givenUp.size() >= 2 * Math.max(keptAtLastPurge, MINIMUM_KEPT_BEFORE_PURGE)) {
            final long now = clock.nowSeconds();
            givenUp.removeIf(giveUp -> giveUp.renewalEnd() < now);
            keptAtLastPurge = givenUp.size();
        }
        givenUp.add(new GiveUp(message, renewalEnd));
    }

    private record GiveUp(byte[] message, long renewalEnd) {
    }

    private byte[] requestFor(HeldCoin held, long payee) {
        if (held.pendingRequest != null && held.pendingPayee == payee
                && Requests.type(held.pendingRequest) == Requests.REASSIGNMENT) {
            return held.pendingRequest;
        }
        if (directory.publicKey(payee) == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "payee " + payee + " has no account");
        }
        final byte[] request = writer.reassignmentRequest(keys, payee, held.instrument, 0, held.instrument.length);
        held.pendingRequest = request;
        held.pendingPayee = payee;
        return request;
    }

    private byte[] completePayment(CoinKey coin, HeldCoin held, byte[] request, byte[] assignment, long payee,
            long minimumSeq) {
        instrument.parse(assignment);
        if (instrument.isBareCoin() || instrument.layers() != 0 || instrument.owner() != coin.owner()
                || instrument.serial() != coin.serial()) {
            throw new ProtocolException(Reason.MALFORMED, "the answer is not an assignment of " + coin);
        }
        if (instrument.finalHolder() != payee) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "the new assignment names peer "
                    + instrument.finalHolder() + ", not the payee " + payee);
        }
        if (instrument.finalSeq() < minimumSeq) {
            throw new ProtocolException(Reason.STALE_SEQUENCE, "new sequence number " + instrument.finalSeq()
                    + " is not above " + held.seq);
        }
        instrument.verify(directory, suite, brokerId);
        giveUp(coin, request);
        return assignment;
    }

    private void giveUp(CoinKey coin, byte[] message) {
        keepGivenUp(message.clone(), held(coin).renewalEnd);
        wallet.remove(coin);
    }

    private HeldCoin held(CoinKey coin) {
        final HeldCoin held = wallet.get(coin);
        if (held == null) {
            throw new ProtocolException(Reason.UNKNOWN_COIN, keys.peerId() + " does not hold " + coin);
        }
        return held;
    }
}
