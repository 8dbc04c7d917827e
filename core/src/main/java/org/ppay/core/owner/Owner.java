package org.ppay.core.owner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.AuditTrail.ProofType;
import org.ppay.core.coin.Instrument;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.coin.Relinquishment;
import org.ppay.core.coin.Requests;
import org.ppay.core.coin.Signatures;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.fraud.FraudDetectedException;
import org.ppay.core.peer.Clock;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.peer.RenewalSchedule;

/**
 * The owner of coins (sections 3, 5.1-5.3): prints coins within its limit certificate, assigns them, processes
 * reassignment requests, peels layered coins, renews, and keeps every proof of relinquishment in its audit trail to
 * refute claims. Before it acts it takes the requests the broker handled while it was down, so misconduct during its
 * downtime is caught then.
 *
 * <p>Every entry point checks the whole message before it changes anything; a refused message leaves the owner as it
 * was. Fraud is thrown as {@link FraudDetectedException} and reported to the broker. Methods are synchronized so the
 * broker may ask for proofs from another thread; the owner starts no threads of its own.
 */
public final class Owner implements OwnerEndpoint {

    private final PeerKeys keys;
    private final long brokerId;
    private final SignatureSuite suite;
    private final KeyDirectory directory;
    private final Clock clock;
    private final AuditTrail audit;
    private final RenewalSchedule schedule;
    private final MessageWriter writer;
    private final Instrument instrument;
    private final Instrument scratch;
    /** A view over the message in hand, to append its proofs to the audit trail. */
    private final UnsafeBuffer proofView = new UnsafeBuffer(new byte[0]);
    /** The proof {@link #findProof} found last, copied out of the trail: {@code [0, foundProofLength)}. */
    private byte[] foundProof = new byte[1024];
    private int foundProofLength;
    private long wantedSeq;
    private long wantedHolder;
    private final AuditTrail.ProofVisitor proofFinder = this::matchProof;
    private final Long2ObjectHashMap<OwnedCoin> coins = new Long2ObjectHashMap<>();
    private final List<Evidence> detected = new ArrayList<>();
    /**
     * A hash of every holding this owner recorded a proof for, so the usual case (no proof: the holding is live) needs
     * no scan of the coin's history. Trusted only when the trail started empty; a collision only costs a scan.
     */
    private final LongHashSet recordedHoldings = new LongHashSet();
    private final boolean holdingFilter;
    private BrokerLink broker;
    private byte[] certificate;
    private long nextPrintSerial;
    private long certificateHigh = -1;
    private boolean online = true;
    private long detectedStale;

    public Owner(PeerKeys keys, long brokerId, SignatureSuite suite, KeyDirectory directory, Clock clock,
            AuditTrail audit, RenewalSchedule schedule, int maxLayers) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.brokerId = brokerId;
        this.suite = Objects.requireNonNull(suite, "suite");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.writer = new MessageWriter(suite);
        this.instrument = new Instrument(suite.signatureLength(), maxLayers);
        this.scratch = new Instrument(suite.signatureLength(), maxLayers);
        this.holdingFilter = audit.proofCount() == 0;
    }

    /** Connects the owner to the broker it takes stored requests from and reports fraud to. */
    public synchronized void connect(BrokerLink brokerLink) {
        this.broker = brokerLink;
    }

    @Override
    public long ownerId() {
        return keys.peerId();
    }

    @Override
    public synchronized boolean online() {
        return online;
    }

    /** Goes down: reassignments, peels and renewals are refused until {@link #comeOnline()}. */
    public synchronized void goOffline() {
        online = false;
    }

    /** Comes back: takes the broker's stored requests and returns the fraud they revealed. */
    public synchronized List<Evidence> comeOnline() {
        online = true;
        final int before = detected.size();
        syncWithBroker();
        return List.copyOf(detected.subList(before, detected.size()));
    }

    // ---- coins ----

    /** Takes a raw coin (1) bought from the broker. */
    public synchronized long addRawCoin(byte[] rawCoin) {
        instrument.parse(rawCoin);
        if (!instrument.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED, "expected a raw coin");
        }
        if (instrument.owner() != keys.peerId()) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "raw coin of peer " + instrument.owner());
        }
        instrument.verify(directory, suite, brokerId);
        final long serial = instrument.serial();
        if (coins.containsKey(serial)) {
            throw new ProtocolException(Reason.REPLAYED, "coin " + serial + " is already known");
        }
        coins.put(serial, new OwnedCoin(rawCoin.clone(), keys.peerId()));
        return serial;
    }

    /** Takes a limit certificate (6); the coins it authorises are printed one by one with {@link #printCoin()}. */
    public synchronized void addLimitCertificate(byte[] limitCertificate) {
        Requests.expectLimitCertificate(limitCertificate, suite.signatureLength());
        if (Requests.certificateOwner(limitCertificate) != keys.peerId()) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "certificate of peer "
                    + Requests.certificateOwner(limitCertificate));
        }
        Signatures.check(directory, suite, brokerId, limitCertificate, 0, limitCertificate.length,
                "limit certificate");
        final long low = Requests.certificateLow(limitCertificate);
        final long high = Requests.certificateHigh(limitCertificate);
        if (low > high || coins.containsKey(low)) {
            throw new ProtocolException(Reason.SERIAL_OUT_OF_RANGE, "certificate range " + low + ".." + high);
        }
        certificate = limitCertificate.clone();
        nextPrintSerial = low;
        certificateHigh = high;
    }

    /** Prints the next self-printed coin (7) within the certificate; returns its serial. */
    public synchronized long printCoin() {
        if (certificate == null || nextPrintSerial > certificateHigh) {
            throw new ProtocolException(Reason.INSUFFICIENT_FUNDS, "no limit certificate with serials left");
        }
        final long serial = nextPrintSerial;
        final byte[] coin = writer.selfPrintedCoin(keys, serial, certificate);
        coins.put(serial, new OwnedCoin(coin, keys.peerId()));
        nextPrintSerial++;
        return serial;
    }

    /** How many serials the certificate still authorises. */
    public synchronized long printableCoins() {
        return certificate == null ? 0 : certificateHigh - nextPrintSerial + 1;
    }

    /** The bare coin (raw or self-printed) of a serial it owns, e.g. to cash it unassigned. */
    public synchronized byte[] coin(long serial) {
        return owned(serial).coin.clone();
    }

    /**
     * Renews a coin whose live holding is its own (it was paid with it): moves the coin's window one period, signing
     * nothing; its next direct assignment carries the new window.
     */
    public synchronized void renewHeld(long serial) {
        ensureOnline();
        syncWithBroker();
        final OwnedCoin coin = heldByItself(serial);
        final long now = clock.nowSeconds();
        if (now < coin.renewalBegin) {
            throw new ProtocolException(Reason.WINDOW_NOT_OPEN, "coin " + serial + ": renewal window opens at "
                    + coin.renewalBegin + ", now " + now);
        }
        if (coin.renewalEnd < now) {
            throw new ProtocolException(Reason.EXPIRED, "coin " + serial + ": the renewal window closed at "
                    + coin.renewalEnd + ", now " + now);
        }
        coin.renewalBegin += schedule.periodSeconds();
        coin.renewalEnd += schedule.periodSeconds();
    }

    /**
     * A cash request for a coin whose live holding is its own: the bare coin, signed by the owner as its holder (a
     * bare coin has no window, so a coin renewed with {@link #renewHeld} cashes too). If someone else also claims the
     * coin, arbitration finds that holder's proof of relinquishment in this owner's audit trail, or convicts the owner.
     */
    public synchronized byte[] cashRequestForHeld(long serial) {
        final OwnedCoin coin = heldByItself(serial);
        return writer.cashRequest(keys, clock.nowSeconds(), coin.coin, 0, coin.coin.length);
    }

    /**
     * Whether the live holding of this coin is the owner's own: it owns the serial, and assigned it last to itself
     * (paid with its own coin). Such a coin is renewed with {@link #renewHeld} and cashed with
     * {@link #cashRequestForHeld}, not through a holder.
     */
    public synchronized boolean holdsItself(long serial) {
        final OwnedCoin coin = coins.get(serial);
        return coin != null && coin.assigned() && coin.holder == keys.peerId();
    }

    private OwnedCoin heldByItself(long serial) {
        final OwnedCoin coin = owned(serial);
        if (!coin.assigned() || coin.holder != keys.peerId()) {
            throw new ProtocolException(Reason.STALE_SEQUENCE, "coin " + serial + " is held by peer " + coin.holder
                    + " (seq " + coin.seq + "), not by its owner");
        }
        return coin;
    }

    /**
     * Assigns a coin it holds itself to a holder (2)/(9): an unassigned coin gets sequence number 1 and the next
     * renewal window; a coin it was paid with (its live holding is the owner's own) gets the next sequence number in
     * its current window. The proof that it was given back stays in the audit trail.
     */
    public synchronized byte[] assign(long serial, long holder) {
        ensureOnline();
        syncWithBroker();
        final OwnedCoin coin = owned(serial);
        if (coin.assigned()) {
            return assignHeld(serial, coin, holder);
        }
        if (directory.publicKey(holder) == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "holder " + holder + " has no account");
        }
        final long now = clock.nowSeconds();
        final long begin = schedule.firstWindowBegin(now);
        final long end = schedule.windowEnd(begin);
        final byte[] assignment = writer.assignment(keys, false, holder, 1, now, begin, end, coin.coin, 0,
                coin.coin.length);
        coin.seq = 1;
        coin.holder = holder;
        coin.renewalBegin = begin;
        coin.renewalEnd = end;
        keepAssignment(coin, assignment);
        return assignment;
    }

    private byte[] assignHeld(long serial, OwnedCoin coin, long holder) {
        if (coin.holder != keys.peerId()) {
            throw new ProtocolException(Reason.STALE_SEQUENCE, "coin " + serial + " is held by peer " + coin.holder
                    + " (seq " + coin.seq + "), not by its owner");
        }
        if (directory.publicKey(holder) == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "holder " + holder + " has no account");
        }
        final long now = clock.nowSeconds();
        if (coin.renewalEnd < now) {
            throw new ProtocolException(Reason.EXPIRED, "coin " + serial + ": the renewal window closed at "
                    + coin.renewalEnd + ", now " + now);
        }
        final long seq = coin.seq + 1;
        final byte[] assignment = writer.assignment(keys, false, holder, seq, now, coin.renewalBegin,
                coin.renewalEnd, coin.coin, 0, coin.coin.length);
        coin.seq = seq;
        coin.holder = holder;
        keepAssignment(coin, assignment);
        return assignment;
    }

    // ---- requests ----

    @Override
    public synchronized byte[] reassign(byte[] request) {
        ensureOnline();
        syncWithBroker();
        final int sig = suite.signatureLength();
        Requests.expectReassignment(request, sig);
        final long newHolder = Requests.newHolder(request);
        final OwnedCoin coin = parseOwn(request, Requests.reassignedOffset(), Requests.reassignedLength(request, sig),
                "reassignment request");
        instrument.checkHoldable();
        Signatures.check(directory, suite, instrument.finalHolder(), request, 0, request.length,
                "reassignment request");
        if (directory.publicKey(newHolder) == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "new holder " + newHolder + " has no account");
        }
        final long now = clock.nowSeconds();
        notExpired(now);
        recordGiveUp(coin, request, ProofType.REASSIGNMENT);
        final long seq = instrument.finalSeq() + 1;
        final byte[] assignment = writer.assignment(keys, false, newHolder, seq, now, coin.renewalBegin,
                coin.renewalEnd, coin.coin, 0, coin.coin.length);
        coin.seq = seq;
        coin.holder = newHolder;
        keepAssignment(coin, assignment);
        return assignment;
    }

    @Override
    public synchronized byte[] peel(byte[] layeredCoin) {
        ensureOnline();
        syncWithBroker();
        if (Requests.type(layeredCoin) != Requests.LAYERED) {
            throw new ProtocolException(Reason.MALFORMED, "expected a layered coin");
        }
        final OwnedCoin coin = parseOwn(layeredCoin, 0, layeredCoin.length, "layered coin");
        final int layers = instrument.layers();
        final long newHolder = instrument.finalHolder();
        if (directory.publicKey(newHolder) == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "new holder " + newHolder + " has no account");
        }
        final long now = clock.nowSeconds();
        notExpired(now);
        final int firstNew = checkLive(coin, layers - 1, null);
        final int epoch = schedule.epoch(coin.renewalEnd);
        proofView.wrap(layeredCoin);
        for (int j = firstNew; j < layers; j++) {
            record(instrument.serial(), epoch, ProofType.REASSIGNMENT, proofView, instrument.layerOffset(j),
                    instrument.layerLength(j), j);
        }
        final long seq = instrument.finalSeq();
        final byte[] assignment = writer.assignment(keys, false, newHolder, seq, now, coin.renewalBegin,
                coin.renewalEnd, coin.coin, 0, coin.coin.length);
        coin.seq = seq;
        coin.holder = newHolder;
        keepAssignment(coin, assignment);
        return assignment;
    }

    /**
     * Takes back its own coin when it is paid with it by a layer: checks it as {@link #peel} does, records the layers
     * it had not seen as proofs and becomes the live holder at the outermost layer's seq. Signs nothing; the owner
     * may then assign the coin directly ({@link #assign}) or keep the layered coin as its instrument.
     */
    public synchronized void takeBack(byte[] layeredCoin) {
        ensureOnline();
        syncWithBroker();
        if (Requests.type(layeredCoin) != Requests.LAYERED) {
            throw new ProtocolException(Reason.MALFORMED, "expected a layered coin");
        }
        final OwnedCoin coin = parseOwn(layeredCoin, 0, layeredCoin.length, "layered coin");
        instrument.checkHoldable();
        if (instrument.finalHolder() != keys.peerId()) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "layered coin paid to peer "
                    + instrument.finalHolder() + ", not to its owner");
        }
        notExpired(clock.nowSeconds());
        final int layers = instrument.layers();
        final int firstNew = checkLive(coin, layers - 1, null);
        final int epoch = schedule.epoch(coin.renewalEnd);
        proofView.wrap(layeredCoin);
        for (int j = firstNew; j < layers; j++) {
            record(instrument.serial(), epoch, ProofType.REASSIGNMENT, proofView, instrument.layerOffset(j),
                    instrument.layerLength(j), j);
        }
        coin.seq = instrument.finalSeq();
        coin.holder = keys.peerId();
    }

    @Override
    public synchronized byte[] renew(byte[] renewalRequest) {
        ensureOnline();
        syncWithBroker();
        final int sig = suite.signatureLength();
        Requests.expectRenewal(renewalRequest, sig);
        final OwnedCoin coin = parseOwn(renewalRequest, Requests.renewedOffset(),
                Requests.renewedLength(renewalRequest, sig), "renewal request");
        instrument.checkHoldable();
        Signatures.check(directory, suite, instrument.finalHolder(), renewalRequest, 0, renewalRequest.length,
                "renewal request");
        final long now = clock.nowSeconds();
        if (now < instrument.renewalBegin()) {
            throw new ProtocolException(Reason.WINDOW_NOT_OPEN, "renewal window opens at "
                    + instrument.renewalBegin() + ", now " + now);
        }
        notExpired(now);
        recordGiveUp(coin, renewalRequest, ProofType.RENEWAL);
        final long seq = instrument.finalSeq() + 1;
        final long holder = instrument.finalHolder();
        final long begin = coin.renewalBegin + schedule.periodSeconds();
        final long end = coin.renewalEnd + schedule.periodSeconds();
        final byte[] assignment = writer.assignment(keys, false, holder, seq, now, begin, end, coin.coin, 0,
                coin.coin.length);
        coin.seq = seq;
        coin.holder = holder;
        coin.renewalBegin = begin;
        coin.renewalEnd = end;
        keepAssignment(coin, assignment);
        return assignment;
    }

    @Override
    public synchronized List<byte[]> relinquishments(long serial) {
        final List<byte[]> proofs = new ArrayList<>();
        audit.history(serial, (type, epoch, buffer, offset, length) -> {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            proofs.add(copy);
            return true;
        });
        return proofs;
    }

    /** Drops the proofs of every renewal window that has closed (section 5.3). */
    public synchronized void purgeClosedWindows() {
        final long closedBefore = clock.nowSeconds() - schedule.windowSeconds();
        if (closedBefore > 0) {
            audit.purgeBefore(schedule.epoch(closedBefore - 1) + 1);
        }
    }

    /** The fraud this owner has detected, oldest first. */
    public synchronized List<Evidence> detectedFraud() {
        return List.copyOf(detected);
    }

    /** The current holder of a coin it owns (itself while unassigned). */
    public synchronized long currentHolder(long serial) {
        return owned(serial).holder;
    }

    /** The current sequence number of a coin it owns (0 while unassigned). */
    public synchronized long currentSeq(long serial) {
        return owned(serial).seq;
    }

    /** The serials of every coin it owns, in no particular order. */
    public synchronized long[] serials() {
        final long[] serials = new long[coins.size()];
        int i = 0;
        for (Long2ObjectHashMap<OwnedCoin>.KeyIterator it = coins.keySet().iterator(); it.hasNext(); ) {
            serials[i++] = it.nextLong();
        }
        Arrays.sort(serials);
        return serials;
    }

    /** Whether the audit trail holds a proof that {@code holder} gave up holding {@code seq} of coin {@code serial}. */
    public synchronized boolean hasProof(long serial, long seq, long holder) {
        return findProof(serial, seq, holder);
    }

    // ---- checks ----

    private OwnedCoin parseOwn(byte[] message, int offset, int length, String what) {
        instrument.parse(message, offset, length);
        if (instrument.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED, what + " carries a bare coin, not an assignment");
        }
        if (instrument.owner() != keys.peerId()) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, what + " for a coin of peer " + instrument.owner());
        }
        final OwnedCoin coin = coins.get(instrument.serial());
        if (coin == null) {
            throw new ProtocolException(Reason.UNKNOWN_COIN, what + ": coin " + instrument.serial()
                    + " was never issued by this owner");
        }
        verifyUnlessOwn(coin);
        return coin;
    }

    /**
     * Checks the instrument's signatures, except over bytes this owner made itself: when the coin (with its
     * certificate) is the one it printed or bought and the assignment is the one it signed last for the coin, those
     * signatures are known good and only the layers (signed by holders) are checked. Anything else (an older
     * assignment, one the broker signed, altered bytes) is checked whole.
     */
    private void verifyUnlessOwn(OwnedCoin coin) {
        final byte[] bytes = instrument.buffer();
        final boolean ownCoin = Arrays.equals(bytes, instrument.coinOffset(), instrument.coinOffset()
                + instrument.coinLength(), coin.coin, 0, coin.coin.length);
        final boolean ownAssignment = coin.assignment != null && Arrays.equals(bytes, instrument.assignmentOffset(),
                instrument.assignmentOffset() + instrument.assignmentLength(), coin.assignment, 0,
                coin.assignment.length);
        if (ownCoin && ownAssignment) {
            instrument.verifyLayers(directory, suite);
        } else {
            instrument.verify(directory, suite, brokerId);
        }
    }

    private void notExpired(long now) {
        if (instrument.renewalEnd() < now) {
            throw new ProtocolException(Reason.EXPIRED, "the renewal window closed at " + instrument.renewalEnd()
                    + ", now " + now);
        }
    }

    /**
     * Walks the instrument's holdings 0..{@code last} from the inside: each must either have been given up before
     * by the same act as the message that gives it up here (equal signed bytes; the signature may differ), or be the
     * coin's live holding. A different proof for the same holding is replication. {@code lastGiveUp} gives up holding {@code last} when it is not a layer.
     *
     * @return the first holding that was live (its give-up, and every later one, is new)
     */
    private int checkLive(OwnedCoin coin, int last, byte[] lastGiveUp) {
        final long serial = instrument.serial();
        for (int j = 0; j <= last; j++) {
            if (!findProof(serial, instrument.seq(j), instrument.holder(j))) {
                if (instrument.seq(j) == coin.seq && instrument.holder(j) == coin.holder) {
                    return j;
                }
                throw new ProtocolException(Reason.STALE_SEQUENCE, "holding " + instrument.seq(j) + " of peer "
                        + instrument.holder(j) + " is not the live one (seq " + coin.seq + " of peer "
                        + coin.holder + ")");
            }
            final boolean layer = j < instrument.layers();
            final byte[] giveUp = layer ? instrument.buffer() : lastGiveUp;
            final int giveUpFrom = layer ? instrument.layerOffset(j) : 0;
            final int giveUpTo = layer ? giveUpFrom + instrument.layerLength(j) : lastGiveUp.length;
            if (!Relinquishment.sameAct(foundProof, 0, foundProofLength, giveUp, giveUpFrom, giveUpTo,
                    suite.signatureLength())) {
                final Evidence evidence = new Evidence(Evidence.Kind.REPLICATION, instrument.holder(j),
                        keys.peerId(), serial, Arrays.copyOf(foundProof, foundProofLength),
                        Arrays.copyOfRange(giveUp, giveUpFrom, giveUpTo), null);
                detected.add(evidence);
                if (broker != null) {
                    broker.reportFraud(evidence);
                }
                throw new FraudDetectedException(evidence);
            }
        }
        throw new ProtocolException(Reason.REPLAYED, "coin " + serial + ": this request was processed already");
    }

    /**
     * Accepts a request that gives up the instrument's outermost holding: every holding inside must be given up
     * before by exactly its layer, or be the live one ({@link #checkLive}); the layers not seen before are recorded
     * as proofs (the paper's peel), then the request itself.
     */
    private void recordGiveUp(OwnedCoin coin, byte[] request, ProofType type) {
        final int layers = instrument.layers();
        final int firstNew = checkLive(coin, layers, request);
        final long serial = instrument.serial();
        final int epoch = schedule.epoch(coin.renewalEnd);
        proofView.wrap(request);
        for (int j = firstNew; j < layers; j++) {
            record(serial, epoch, ProofType.REASSIGNMENT, proofView, instrument.layerOffset(j),
                    instrument.layerLength(j), j);
        }
        record(serial, epoch, type, proofView, 0, request.length, layers);
    }

    /** Appends the proof that gives up the instrument's holding {@code holding}, and remembers that holding. */
    private void record(long serial, int epoch, ProofType type, UnsafeBuffer proof, int offset, int length,
            int holding) {
        audit.append(serial, epoch, type, proof, offset, length);
        if (holdingFilter) {   // without the filter every lookup searches the trail: the set would only grow
            recordedHoldings.add(holdingKey(serial, instrument.seq(holding), instrument.holder(holding)));
        }
    }

    private static long holdingKey(long serial, long seq, long holder) {
        long h = serial * 0x9E37_79B9_7F4A_7C15L ^ seq * 0xC2B2_AE3D_27D4_EB4FL ^ holder * 0x1656_67B1_9E37_79F9L;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        return h ^ (h >>> 33);
    }

    /**
     * Looks in the audit trail for the proof that gives up holding ({@code seq}, {@code holder}) of a coin; when
     * there is one it is left in {@code foundProof[0, foundProofLength)}, so a lookup allocates nothing.
     */
    private boolean findProof(long serial, long seq, long holder) {
        foundProofLength = -1;
        if (holdingFilter && !recordedHoldings.contains(holdingKey(serial, seq, holder))) {
            return false;
        }
        wantedSeq = seq;
        wantedHolder = holder;
        audit.history(serial, proofFinder);
        return foundProofLength >= 0;
    }

    private boolean matchProof(ProofType type, int epoch, DirectBuffer buffer, int offset, int length) {
        if (foundProof.length < length) {
            foundProof = new byte[Math.max(length, 2 * foundProof.length)];
        }
        buffer.getBytes(offset, foundProof, 0, length);
        Relinquishment.readHolding(foundProof, 0, length, scratch, suite.signatureLength());
        if (scratch.finalSeq() == wantedSeq && scratch.finalHolder() == wantedHolder) {
            foundProofLength = length;
            return false;
        }
        return true;
    }

    /**
     * Keeps the assignment just signed for a coin, to recognise it when it comes back: over the last one in place
     * when it has the same length (it always has, the coin being the same), so only the message sent is allocated.
     */
    private static void keepAssignment(OwnedCoin coin, byte[] assignment) {
        if (coin.assignment != null && coin.assignment.length == assignment.length) {
            System.arraycopy(assignment, 0, coin.assignment, 0, assignment.length);
        } else {
            coin.assignment = assignment.clone();
        }
    }

    private OwnedCoin owned(long serial) {
        final OwnedCoin coin = coins.get(serial);
        if (coin == null) {
            throw new ProtocolException(Reason.UNKNOWN_COIN, "coin " + serial + " is not this owner's");
        }
        return coin;
    }

    private void ensureOnline() {
        if (!online) {
            throw new ProtocolException(Reason.OWNER_OFFLINE, "owner " + keys.peerId() + " is offline");
        }
    }

    /** Applies the requests the broker processed in the owner's absence, in order (downtime protocol, section 3). */
    private void syncWithBroker() {
        if (broker == null) {
            return;
        }
        final List<byte[]> stored = broker.storedRequests(keys.peerId());
        for (int i = 0; i < stored.size(); i++) {
            applyStored(stored.get(i));   // one applied before (a delivery not acknowledged) is refused as a replay
        }
        if (!stored.isEmpty()) {
            broker.acknowledgeStoredRequests(keys.peerId(), stored.size());
        }
    }

    private void applyStored(byte[] stored) {
        final int sig = suite.signatureLength();
        final boolean renewal = Requests.type(stored) == Requests.RENEWAL;
        try {
            final OwnedCoin coin = renewal
                    ? parseOwn(stored, Requests.renewedOffset(), Requests.renewedLength(stored, sig), "stored renewal")
                    : parseOwn(stored, Requests.reassignedOffset(), Requests.reassignedLength(stored, sig),
                            "stored reassignment");
            if (instrument.renewalEnd() + schedule.windowSeconds() < clock.nowSeconds()) {
                detectedStale++;   // the coin is void and its epoch may be purged (purgeClosedWindows)
                return;
            }
            recordGiveUp(coin, stored, renewal ? ProofType.RENEWAL : ProofType.REASSIGNMENT);
            coin.seq = instrument.finalSeq() + 1;
            coin.assignment = null; // the broker signed the live assignment
            if (renewal) {
                coin.holder = instrument.finalHolder();
                coin.renewalBegin += schedule.periodSeconds();
                coin.renewalEnd += schedule.periodSeconds();
            } else {
                coin.holder = Requests.newHolder(stored);
            }
        } catch (FraudDetectedException e) {
            // recorded and reported by checkLive; the broker's assignment built on it is void
        } catch (ProtocolException e) {
            if (e.reason() != Reason.REPLAYED) {
                detectedStale++;
            }
        }
    }

    /** Stored requests the owner could not apply (not replication, e.g. built on a holding it never saw). */
    public synchronized long unappliedStoredRequests() {
        return detectedStale;
    }
}
