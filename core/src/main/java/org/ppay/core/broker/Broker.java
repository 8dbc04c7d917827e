package org.ppay.core.broker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.ppay.core.broker.CoinRecord.Holding;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.Instrument;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.coin.Relinquishment;
import org.ppay.core.coin.Requests;
import org.ppay.core.coin.SignatureCheck;
import org.ppay.core.credit.PaywordChain;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.fraud.FraudDetectedException;
import org.ppay.core.owner.OwnerEndpoint;
import org.ppay.core.peer.Clock;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.peer.RenewalSchedule;

/**
 * The broker (sections 3-5): accounts and deposits, raw coins and limit certificates sold prepaid, cashing with a
 * ledger that catches a second cash of a coin and arbitrates it (4.1), the downtime protocol (reassign and renew for
 * an owner that does not answer, at a fee to both), punishment (4.2) and recall when a peer leaves.
 *
 * <p>Thread-safe: signatures are checked without locks, each coin's ledger entry has its own lock, and money moves
 * under one lock. It starts no threads of its own.
 *
 * <p>Every change of the ledger is appended to its {@link LedgerJournal} under the money lock and committed before
 * the method returns; a broker built on a journal with a history replays it first ({@link LedgerReplay}).
 */
public final class Broker implements BrokerEndpoint {

    private final PeerKeys keys;
    private final SignatureSuite suite;
    private final InMemoryKeyDirectory directory;
    private final Clock clock;
    private final RenewalSchedule schedule;
    private final int maxLayers;
    private final Tariff tariff;
    private final OwnerDirectory owners;
    private final ThreadLocal<MessageWriter> writers;
    private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
    private final Map<CoinKey, CoinRecord> coins = new ConcurrentHashMap<>();
    /** The downtime requests each owner has still to take; guarded by itself. */
    private final Long2ObjectHashMap<List<byte[]>> pendingForOwner = new Long2ObjectHashMap<>();
    /** Per-thread parse state: the instrument of the request in hand, and those of the proofs gathered for it. */
    private final ThreadLocal<Scratch> scratches;
    private final Set<String> punished = new HashSet<>();
    private final List<Evidence> convictions = new ArrayList<>();
    private final Map<String, RedeemedChain> redeemedPaywords = new ConcurrentHashMap<>();
    private final Set<String> redeemedTickets = new HashSet<>();
    private final Object money = new Object();
    private long depositsIn;
    private long purchasesIn;
    private long revenue;
    private long outstanding;
    private long paidOut;
    private final LedgerJournal journal;
    private final BrokerVerifier verifier;
    private final KnownCertificates certificates = new KnownCertificates();
    private final BrokerChecks checks;
    private final Suspects suspects = new Suspects();
    private final ThreadLocal<CashBatch> batches;

    /** A broker whose ledger lives in memory only: it is lost when the broker stops. */
    public Broker(PeerKeys keys, SignatureSuite suite, InMemoryKeyDirectory directory, Clock clock,
            RenewalSchedule schedule, int maxLayers, Tariff tariff, OwnerDirectory owners) {
        this(keys, suite, directory, clock, schedule, maxLayers, tariff, owners, LedgerJournal.memoryOnly());
    }

    /**
     * A broker that records its ledger in {@code journal}, after replaying what the journal already holds: the
     * accounts (their keys are registered in {@code directory}), coins sold and cashed, stored downtime requests,
     * convictions and redemptions. Throws {@link LedgerJournalException} when the history is another broker's, was
     * priced by another tariff, or does not replay.
     */
    public Broker(PeerKeys keys, SignatureSuite suite, InMemoryKeyDirectory directory, Clock clock,
            RenewalSchedule schedule, int maxLayers, Tariff tariff, OwnerDirectory owners, LedgerJournal journal) {
        this(keys, suite, directory, clock, schedule, maxLayers, tariff, owners, journal,
                BrokerVerifier.provider(suite));
    }

    /**
     * As above, checking signatures under {@code verifier}'s policy, for single requests and batches alike (the
     * caller closes the verifier once the broker is done).
     */
    public Broker(PeerKeys keys, SignatureSuite suite, InMemoryKeyDirectory directory, Clock clock,
            RenewalSchedule schedule, int maxLayers, Tariff tariff, OwnerDirectory owners, LedgerJournal journal,
            BrokerVerifier verifier) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.maxLayers = maxLayers;
        this.tariff = Objects.requireNonNull(tariff, "tariff");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.writers = ThreadLocal.withInitial(() -> new MessageWriter(suite));
        this.scratches = ThreadLocal.withInitial(() -> new Scratch(suite.signatureLength(), maxLayers));
        directory.register(keys.peerId(), keys.publicKey());
        this.journal = Objects.requireNonNull(journal, "journal");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (verifier.suite() != suite) {
            throw new IllegalArgumentException("the verifier checks " + verifier.suite().name() + ", the broker signs "
                    + suite.name());
        }
        this.checks = new BrokerChecks(directory, verifier, certificates);
        this.batches = ThreadLocal.withInitial(() -> new CashBatch(directory, verifier, certificates, suspects));
        LedgerReplay.replay(this, journal);
    }

    public long brokerId() {
        return keys.peerId();
    }

    public Tariff tariff() {
        return tariff;
    }

    // ---- accounts ----

    /** Opens an account: registers the peer's key and takes its deposit. */
    public void openAccount(long peerId, byte[] publicKey, long depositCents) {
        if (depositCents < tariff.minimumDepositCents()) {
            throw new ProtocolException(Reason.INSUFFICIENT_FUNDS, "deposit " + depositCents + " below the minimum "
                    + tariff.minimumDepositCents());
        }
        if (peerId == keys.peerId() || directory.contains(peerId)) {
            throw new ProtocolException(Reason.ACCOUNT_STATE, "peer " + peerId + " already has an account");
        }
        final long entry;
        synchronized (money) {
            directory.register(peerId, publicKey);
            entry = journal.append(new LedgerEvent.AccountOpened(peerId, publicKey, depositCents));
            accounts.put(peerId, new Account(peerId, depositCents));
            depositsIn += depositCents;
        }
        journal.commit(entry);
    }

    /** Sells {@code count} raw coins (1), paid in advance. */
    public byte[][] buyRawCoins(long owner, int count) {
        final long first = reserveSerials(owner, count);
        final byte[][] sold = new byte[count][];
        for (int i = 0; i < count; i++) {
            sold[i] = writers.get().rawCoin(keys, owner, first + i);
        }
        return sold;
    }

    /** Sells a limit certificate (6) for {@code count} coins, paid in advance. */
    public byte[] buyLimitCertificate(long owner, int count) {
        final long first = reserveSerials(owner, count);
        final byte[] certificate = writers.get().limitCertificate(keys, owner, first, first + count - 1);
        certificates.add(certificate, 0, certificate.length);   // its own: a cash never checks it again
        return certificate;
    }

    private long reserveSerials(long owner, int count) {
        if (count < 1) {
            throw new ProtocolException(Reason.INVALID_ARGUMENT, "count must be positive: " + count);
        }
        final long first;
        final long entry;
        synchronized (money) {
            final Account account = open(owner);
            first = account.nextSerial;
            entry = journal.append(new LedgerEvent.SerialsSold(owner, first, count));
            account.nextSerial += count;
            final long price = count * tariff.coinValueCents();
            purchasesIn += price;
            outstanding += price;
            account.outstandingCents += price;
        }
        journal.commit(entry);
        return first;
    }

    /** A peer announces it leaves: its coins are recalled and may be cashed until the recall deadline (4.2). */
    public void requestLeave(long peerId) {
        final long entry;
        synchronized (money) {
            final Account account = open(peerId);
            final long deadline = clock.nowSeconds() + tariff.recallSeconds();
            entry = journal.append(new LedgerEvent.LeaveRequested(peerId, deadline));
            account.status = Account.Status.LEAVING;
            account.recallDeadlineSeconds = deadline;
        }
        journal.commit(entry);
    }

    /**
     * Closes a leaving account once the recall is over: returns what is paid back — deposit, balance and the value
     * of its uncashed coins, or without the deposit when the peer was convicted of fraud.
     */
    public long closeAccount(long peerId) {
        final long refund;
        final long entry;
        synchronized (money) {
            final Account account = accounts.get(peerId);
            if (account == null || account.status != Account.Status.LEAVING) {
                throw new ProtocolException(Reason.ACCOUNT_STATE, "peer " + peerId + " has not asked to leave");
            }
            if (clock.nowSeconds() < account.recallDeadlineSeconds) {
                throw new ProtocolException(Reason.ACCOUNT_STATE, "recall of peer " + peerId + "'s coins runs until "
                        + account.recallDeadlineSeconds);
            }
            refund = close(account);
            entry = journal.append(new LedgerEvent.AccountClosed(peerId, refund));
        }
        journal.commit(entry);
        return refund;
    }

    /** Closes a leaving account and returns what it pays back. Called under the money lock. */
    private long close(Account account) {
        long refund = account.balanceCents + account.outstandingCents;
        outstanding -= account.outstandingCents;
        if (account.frauds == 0) {
            refund += account.depositCents;
        } else {
            revenue += account.depositCents;
        }
        if (refund < 0) {
            revenue += refund;
            refund = 0;
        }
        paidOut += refund;
        account.depositCents = 0;
        account.balanceCents = 0;
        account.outstandingCents = 0;
        account.status = Account.Status.CLOSED;
        return refund;
    }

    public long balanceCents(long peerId) {
        synchronized (money) {
            return existing(peerId).balanceCents;
        }
    }

    public long depositCents(long peerId) {
        synchronized (money) {
            return existing(peerId).depositCents;
        }
    }

    /** How many times a peer was convicted of fraud. */
    public int convictions(long peerId) {
        synchronized (money) {
            return existing(peerId).frauds;
        }
    }

    /** Every conviction, oldest first. */
    public List<Evidence> convictions() {
        synchronized (money) {
            return List.copyOf(convictions);
        }
    }

    public Ledger ledger() {
        synchronized (money) {
            long deposits = 0;
            long balances = 0;
            for (Account account : accounts.values()) {
                deposits += account.depositCents;
                balances += account.balanceCents;
            }
            return new Ledger(depositsIn, purchasesIn, deposits, balances, revenue, outstanding, paidOut);
        }
    }

    // ---- cashing ----

    @Override
    public CashReceipt cash(byte[] cashRequest) {
        return cash(cashRequest, checks);
    }

    /**
     * Cashes a batch of requests: gathers every signature they carry into one batch for the broker's verifier (a
     * limit certificate once), verifies it, then settles the requests in their order. Each answer, and what the
     * ledger and its journal record, is what {@link #cash(byte[])} gives for the request, called in the same order:
     * a settled request is cashed by the very same steps, its signatures answered from the batch (an answer the
     * verifier's single check gives too) or, where the batch does not hold them, checked alone. A claimant one of
     * whose signatures failed in a batch has its requests checked alone for a while ({@link Suspects}), so a forger
     * cannot make every batch bisect. A request's refusal is its outcome; a failure of the ledger's journal is thrown,
     * the requests before it settled.
     *
     * @throws IllegalArgumentException when a request is null, before anything is cashed
     */
    public List<CashOutcome> cashBatch(List<byte[]> cashRequests) {
        for (int i = 0; i < cashRequests.size(); i++) {
            if (cashRequests.get(i) == null) {
                throw new IllegalArgumentException("cash request " + i + " of the batch is null");
            }
        }
        final CashBatch batch = batches.get();
        final int n = cashRequests.size();
        batch.start(n);
        try {
            for (int i = 0; i < n; i++) {
                collect(cashRequests.get(i), i, batch);
            }
            batch.verify(n);
            final List<CashOutcome> outcomes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.settling(i);
                try {
                    outcomes.add(CashOutcome.paid(cash(cashRequests.get(i), batch)));
                } catch (ProtocolException refused) {
                    outcomes.add(CashOutcome.refused(refused));
                }
            }
            return outcomes;
        } finally {
            batch.finish();
        }
    }

    /** Whether the next batch checks {@code claimant}'s requests alone, outside the batch ({@link Suspects}). */
    boolean checksAlone(long claimant) {
        return suspects.containsNext(claimant);
    }

    /** Gathers one request's signatures, as far as its structure is sound (settling it says why not). */
    private void collect(byte[] cashRequest, int i, CashBatch batch) {
        batch.collecting(i);
        try {
            Requests.expectCash(cashRequest, suite.signatureLength());
            final long claimant = Requests.cashHolder(cashRequest);
            batch.claimant(i, claimant);
            if (!batch.suspect(claimant)) {
                Relinquishment.readChecked(cashRequest, scratches.get().request, batch, suite, keys.peerId());
            }
        } catch (ProtocolException refused) {
            // settling the request gives the same refusal
        } finally {
            batch.collected(i);
        }
    }

    private CashReceipt cash(byte[] cashRequest, SignatureCheck signatures) {
        final int sig = suite.signatureLength();
        Requests.expectCash(cashRequest, sig);
        final Instrument instrument = scratches.get().request;
        final Relinquishment claim = Relinquishment.readChecked(cashRequest, instrument, signatures, suite,
                keys.peerId());
        instrument.checkHoldable();
        final long now = clock.nowSeconds();
        if (Requests.cashTimestamp(cashRequest) > now + 300) {
            throw new ProtocolException(Reason.BAD_TIMESTAMP, "cash request dated " + Requests.cashTimestamp(
                    cashRequest) + ", now " + now);
        }
        if (instrument.renewalEnd() < now) {
            throw new ProtocolException(Reason.EXPIRED, "the coin's renewal window closed at "
                    + instrument.renewalEnd());
        }
        synchronized (money) {
            cashable(claim.owner());
            cashable(claim.holder());
        }
        final CoinKey key = new CoinKey(claim.owner(), claim.serial());
        final CoinRecord record = coins.computeIfAbsent(key, k -> new CoinRecord());
        synchronized (record) {
            final byte[] earlier = record.proofs.get(new Holding(claim.seq(), claim.holder()));
            if (earlier != null && Requests.type(earlier) == Requests.CASH) {
                throw new ProtocolException(Reason.REPLAYED, key + ": holding " + claim.seq() + " of peer "
                        + claim.holder() + " was cashed already" + (Relinquishment.sameAct(earlier, cashRequest,
                                sig) ? " with this very request" : ""));
            }
            final Evidence evidence = findFraud(key, record, cashRequest, instrument, record.paidFromValue);
            remember(record, cashRequest, instrument);
            final CashReceipt receipt;
            final long entry;
            synchronized (money) {
                entry = journal.append(new LedgerEvent.Claimed(key.owner(), key.serial(), claim.holder(), cashRequest,
                        evidence));
                receipt = settleClaim(key, record, evidence, claim.holder(), cashRequest);
            }
            journal.commit(entry);   // under the coin's lock: a later claim on the coin is settled after this one
            return receipt;
        }
    }

    /** Settles a claim and, when it is the one paid from the coin's value, keeps its instrument for arbitration. */
    private CashReceipt settleClaim(CoinKey key, CoinRecord record, Evidence evidence, long claimant,
            byte[] cashRequest) {
        final boolean first = !record.paidFromValue;
        final CashReceipt receipt = settle(key, record, evidence, claimant);
        if (first && record.paidFromValue) {
            record.firstClaim = instrumentOf(cashRequest);
        }
        return receipt;
    }

    /**
     * Pays a claim. The first honest claim on a coin is paid from the coin's value; a later honest claim is paid by
     * the culprit, who also pays a penalty; a culprit's own claim is paid nothing.
     */
    private CashReceipt settle(CoinKey key, CoinRecord record, Evidence evidence, long claimant) {
        synchronized (money) {
            if (evidence != null) {
                punish(evidence);
                if (evidence.culprit() == claimant) {
                    return new CashReceipt(0, evidence);
                }
            }
            if (!record.paidFromValue) {
                record.paidFromValue = true;
                outstanding -= tariff.coinValueCents();
                accounts.get(key.owner()).outstandingCents -= tariff.coinValueCents();
            } else {
                charge(evidence.culprit(), tariff.coinValueCents());
            }
            credit(claimant, tariff.coinValueCents() - tariff.cashFeeCents());
            revenue += tariff.cashFeeCents();
            return new CashReceipt(tariff.coinValueCents() - tariff.cashFeeCents(), evidence);
        }
    }

    /**
     * Arbitration (section 4.1). Compares every holding the request gives up (its layers' and its own) with the
     * proof the broker holds for that holding (from earlier claims and downtime requests, layers included) and, on a
     * second claim (one after a claim was paid), with the owner's audit trail: a holding given up by two different
     * acts convicts its holder (the lowest such holding, also among those found on earlier claims of the coin, so the
     * culprit pays for every claim its fake causes). When there is none and the coin was paid before, neither
     * that claim nor this one is refuted, so the owner issued both: the owner is the culprit. A claim refuted on
     * arrival (its claimant convicted, paid nothing) is no claim the owner must answer for.
     */
    private Evidence findFraud(CoinKey key, CoinRecord record, byte[] cashRequest, Instrument parsed,
            boolean conflict) {
        final Conflict found = new Conflict();
        found.seq = record.replicationSeq;
        conflicts(record, cashRequest, parsed, found);
        if (conflict) {
            final OwnerEndpoint owner = owners.owner(key.owner());
            if (owner != null) {
                ownerConflicts(key, record, cashRequest, parsed, owner.relinquishments(key.serial()), found);
            }
        }
        if (found.first != null) {
            record.replicationSeq = found.seq;
            record.replication = new Evidence(Evidence.Kind.REPLICATION, found.holder, key.owner(), key.serial(),
                    found.first, found.second, null);
        }
        if (record.replication != null) {
            return record.replication;
        }
        if (!conflict) {
            return null;
        }
        final byte[] first = record.firstClaim;
        final byte[] second = instrumentOf(cashRequest);
        final Evidence unsigned = new Evidence(Evidence.Kind.DOUBLE_SPEND, key.owner(), key.owner(), key.serial(),
                first, second, null);
        final byte[] attestation = suite.sign(keys.privateKey(), unsigned.attestedBytes());
        return new Evidence(Evidence.Kind.DOUBLE_SPEND, key.owner(), key.owner(), key.serial(), first, second,
                attestation);
    }

    /**
     * Looks up each holding {@code message} gives up (holding j by layer j, the last by the message itself) in the
     * coin's record: a proof there that is another act (other signed bytes) is replication by that holding's holder.
     * Both were checked when the broker took them. Costs at most Max Layers + 1 lookups.
     */
    private void conflicts(CoinRecord record, byte[] message, Instrument parsed, Conflict found) {
        final int sig = suite.signatureLength();
        for (int j = 0; j <= parsed.layers(); j++) {
            final byte[] known = record.proofs.get(new Holding(parsed.seq(j), parsed.holder(j)));
            final int from = giveUpFrom(parsed, j);
            final int to = giveUpTo(message, parsed, j);
            if (known != null && parsed.seq(j) < found.seq
                    && !Relinquishment.sameAct(known, 0, known.length, message, from, to, sig)) {
                found.set(parsed.seq(j), parsed.holder(j), known, Arrays.copyOfRange(message, from, to));
            }
        }
    }

    /**
     * Compares the owner's audit trail with the coin's record and the request in hand. The owner's proofs are not
     * trusted: of those that conflict at a holding below the lowest conflict found so far, only the lowest is checked,
     * and when it fails its signatures the owner's answer proves nothing (an owner that forges is not read further),
     * so one arbitration checks at most one of the owner's proofs whatever the owner answers.
     */
    private void ownerConflicts(CoinKey key, CoinRecord record, byte[] message, Instrument parsed,
            List<byte[]> ownerProofs, Conflict found) {
        final int sig = suite.signatureLength();
        final Instrument scratch = scratches.get().proof;
        final List<byte[]> candidates = new ArrayList<>();
        final List<byte[]> against = new ArrayList<>();
        final List<Relinquishment> holdings = new ArrayList<>();
        for (byte[] proof : ownerProofs) {
            final Relinquishment r;
            try {
                r = Relinquishment.read(proof, scratch, null, suite, keys.peerId());
            } catch (ProtocolException e) {
                continue; // a broken "proof" proves nothing
            }
            if (r.owner() != key.owner() || r.serial() != key.serial() || r.seq() >= found.seq) {
                continue;
            }
            byte[] other = record.proofs.get(new Holding(r.seq(), r.holder()));
            for (int j = 0; other == null && j <= parsed.layers(); j++) {
                if (parsed.seq(j) == r.seq() && parsed.holder(j) == r.holder()) {
                    other = Arrays.copyOfRange(message, giveUpFrom(parsed, j), giveUpTo(message, parsed, j));
                }
            }
            if (other != null && !Relinquishment.sameAct(other, proof, sig)) {
                candidates.add(proof);
                against.add(other);
                holdings.add(r);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        int lowest = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (holdings.get(i).seq() < holdings.get(lowest).seq()) {
                lowest = i;
            }
        }
        try {
            Relinquishment.readChecked(candidates.get(lowest), scratch, checks, suite, keys.peerId());
        } catch (ProtocolException e) {
            return; // the owner forged a proof: nothing it says is read
        }
        final Relinquishment r = holdings.get(lowest);
        found.set(r.seq(), r.holder(), candidates.get(lowest), against.get(lowest));
    }

    /** Records the holdings {@code message} gives up that the coin's record does not have yet (copies). */
    private static void remember(CoinRecord record, byte[] message, Instrument parsed) {
        for (int j = 0; j <= parsed.layers(); j++) {
            final Holding holding = new Holding(parsed.seq(j), parsed.holder(j));
            if (!record.proofs.containsKey(holding)) {
                record.proofs.put(holding, Arrays.copyOfRange(message, giveUpFrom(parsed, j),
                        giveUpTo(message, parsed, j)));
            }
        }
    }

    /** Where the give-up of holding j starts: layer j, or the message itself for the outermost holding. */
    private static int giveUpFrom(Instrument parsed, int j) {
        return j < parsed.layers() ? parsed.layerOffset(j) : 0;
    }

    private static int giveUpTo(byte[] message, Instrument parsed, int j) {
        return j < parsed.layers() ? parsed.layerOffset(j) + parsed.layerLength(j) : message.length;
    }

    /** The lowest holding found given up twice, and the two acts. */
    private static final class Conflict {
        long seq = Long.MAX_VALUE;
        long holder;
        byte[] first;
        byte[] second;

        void set(long seq, long holder, byte[] first, byte[] second) {
            this.seq = seq;
            this.holder = holder;
            this.first = first;
            this.second = second;
        }
    }

    private byte[] instrumentOf(byte[] cashRequest) {
        return Arrays.copyOfRange(cashRequest, Requests.cashedOffset(),
                Requests.cashedOffset() + Requests.cashedLength(cashRequest, suite.signatureLength()));
    }

    // ---- Payword and lottery tickets (section 5.4 and section 3) ----

    /**
     * Redeems a Payword chain up to payword {@code index} for its vendor: checks the commitment's signature once,
     * hashes the payword down to the last word redeemed from the chain (the root at first), and pays the units not
     * paid before (the broker honours partial chains, and a later, longer redemption of the same chain pays only the
     * difference). A commitment may declare at most {@link PaywordChain#MAX_LENGTH} paywords, so one redemption
     * hashes at most that many times. A chain is identified by the commitment's signed bytes. Returns the cents paid.
     */
    public long redeemPayword(byte[] commitment, int index, byte[] word) {
        final int sig = suite.signatureLength();
        Requests.expectPaywordCommitment(commitment, sig);
        final long payer = Requests.paywordPayer(commitment);
        final long vendor = Requests.paywordVendor(commitment);
        final long length = Requests.paywordChainLength(commitment);
        if (length < 1 || length > PaywordChain.MAX_LENGTH) {
            throw new ProtocolException(Reason.INVALID_ARGUMENT, "Payword commitment declares " + length
                    + " paywords, outside 1.." + PaywordChain.MAX_LENGTH);
        }
        if (index < 1 || index > length) {
            throw new ProtocolException(Reason.INVALID_ARGUMENT, "payword " + index + " outside 1.." + length);
        }
        org.ppay.core.coin.Signatures.check(directory, suite, payer, commitment, 0, commitment.length,
                "Payword commitment");
        if (Requests.paywordExpiry(commitment) < clock.nowSeconds()) {
            throw new ProtocolException(Reason.EXPIRED, "Payword commitment expired at "
                    + Requests.paywordExpiry(commitment));
        }
        synchronized (money) {
            open(payer);
            open(vendor);
        }
        final String chain = java.util.HexFormat.of().formatHex(commitment, 0, commitment.length - sig);
        final RedeemedChain redeemed = redeemedPaywords.computeIfAbsent(chain,
                c -> new RedeemedChain(Requests.paywordRoot(commitment)));
        synchronized (redeemed) {
            if (index <= redeemed.index) {
                throw new ProtocolException(Reason.REPLAYED, "paywords up to " + redeemed.index + " were redeemed");
            }
            if (!PaywordChain.reachesRoot(redeemed.word, word, index - redeemed.index)) {
                throw new ProtocolException(Reason.BAD_SIGNATURE, "payword " + index + " does not hash to payword "
                        + redeemed.index + " of the chain");
            }
            final long cents = (index - redeemed.index) * tariff.paywordUnitCents();
            final long entry;
            synchronized (money) {
                entry = journal.append(new LedgerEvent.PaywordRedeemed(chain, payer, vendor, index, word, cents));
                charge(payer, cents);
                credit(vendor, cents);
                redeemed.index = index;
                redeemed.word = word.clone();
            }
            journal.commit(entry);   // under the chain's lock: a longer redemption of it is paid after this one
            return cents;
        }
    }

    /** The last payword redeemed from one chain (the root and 0 before any). Guarded by itself. */
    private static final class RedeemedChain {
        int index;
        byte[] word;

        RedeemedChain(byte[] root) {
            this.word = root;
        }
    }

    /**
     * Redeems a lottery ticket: a winning ticket (1 in {@code oneInS}) pays {@code oneInS} Payword units from payer
     * to payee; a losing one pays nothing. A ticket is redeemed once. Returns the cents paid.
     */
    public long redeemLotteryTicket(byte[] ticket, long oneInS) {
        Requests.expectLotteryTicket(ticket, suite.signatureLength());
        final long payer = Requests.ticketPayer(ticket);
        final long payee = Requests.ticketPayee(ticket);
        org.ppay.core.coin.Signatures.check(directory, suite, payer, ticket, 0, ticket.length, "lottery ticket");
        final String id = payer + "/" + Requests.ticketSerial(ticket);
        final long cents;
        final long entry;
        synchronized (money) {
            open(payer);
            open(payee);
            if (redeemedTickets.contains(id)) {
                throw new ProtocolException(Reason.REPLAYED, "ticket " + id + " was redeemed");
            }
            cents = org.ppay.core.credit.LotteryTickets.wins(ticket, oneInS) ? oneInS * tariff.paywordUnitCents() : 0;
            entry = journal.append(new LedgerEvent.TicketRedeemed(id, payer, payee, cents));
            redeemedTickets.add(id);
            charge(payer, cents);
            credit(payee, cents);
        }
        journal.commit(entry);
        return cents;
    }

    // ---- downtime protocol ----

    @Override
    public byte[] reassignForOwner(byte[] request) {
        final int sig = suite.signatureLength();
        Requests.expectReassignment(request, sig);
        final Instrument instrument = scratches.get().request;
        final Relinquishment given = Relinquishment.readChecked(request, instrument, checks, suite, keys.peerId());
        instrument.checkHoldable();
        final long newHolder = Requests.newHolder(request);
        final long now = clock.nowSeconds();
        if (instrument.renewalEnd() < now) {
            throw new ProtocolException(Reason.EXPIRED, "the renewal window closed at " + instrument.renewalEnd());
        }
        synchronized (money) {
            open(given.owner());
            open(given.holder());
            open(newHolder);
        }
        return downtime(request, instrument, given, newHolder, instrument.finalSeq() + 1, instrument.renewalBegin(),
                instrument.renewalEnd());
    }

    @Override
    public byte[] renewForOwner(byte[] renewalRequest) {
        final int sig = suite.signatureLength();
        Requests.expectRenewal(renewalRequest, sig);
        final Instrument instrument = scratches.get().request;
        final Relinquishment given = Relinquishment.readChecked(renewalRequest, instrument, checks, suite,
                keys.peerId());
        instrument.checkHoldable();
        final long now = clock.nowSeconds();
        if (now < instrument.renewalBegin()) {
            throw new ProtocolException(Reason.WINDOW_NOT_OPEN, "renewal window opens at "
                    + instrument.renewalBegin());
        }
        if (instrument.renewalEnd() < now) {
            throw new ProtocolException(Reason.EXPIRED, "the renewal window closed at " + instrument.renewalEnd());
        }
        synchronized (money) {
            open(given.owner());
            open(given.holder());
        }
        return downtime(renewalRequest, instrument, given, given.holder(), instrument.finalSeq() + 1,
                instrument.renewalBegin() + schedule.periodSeconds(), instrument.renewalEnd()
                        + schedule.periodSeconds());
    }

    private byte[] downtime(byte[] request, Instrument instrument, Relinquishment given, long newHolder, long seq,
            long begin, long end) {
        final CoinKey key = new CoinKey(given.owner(), given.serial());
        final CoinRecord record = coins.computeIfAbsent(key, k -> new CoinRecord());
        synchronized (record) {
            final Holding holding = new Holding(given.seq(), given.holder());
            final byte[] known = record.proofs.get(holding);
            if (known != null && record.issued.containsKey(holding)
                    && Relinquishment.sameAct(known, request, suite.signatureLength())) {
                return record.issued.get(holding).clone();   // the same request again: the same answer
            }
            final Conflict found = new Conflict();
            conflicts(record, request, instrument, found);
            if (found.first != null) {
                final Evidence replication = new Evidence(Evidence.Kind.REPLICATION, found.holder, key.owner(),
                        key.serial(), found.first, found.second, null);
                final long entry;
                synchronized (money) {
                    entry = journal.append(new LedgerEvent.Convicted(replication));
                    punish(replication);
                }
                journal.commit(entry);
                throw new FraudDetectedException(replication);
            }
            final byte[] assignment = writers.get().assignment(keys, true, newHolder, seq, clock.nowSeconds(), begin, end,
                    instrument.buffer(), instrument.coinOffset(), instrument.coinLength());
            final long fee = ownerTook(key, request) ? 0 : tariff.downtimeFeeCents();
            final long entry;
            synchronized (money) {
                entry = journal.append(new LedgerEvent.DowntimeServed(key.owner(), key.serial(), given.holder(),
                        request, assignment, fee));
                chargeDowntime(given.owner(), given.holder(), fee);
            }
            keepServed(record, key.owner(), holding, request, instrument, assignment);
            journal.commit(entry);
            return assignment.clone();
        }
    }

    /** The downtime fee, charged to holder and owner alike; called under the money lock. */
    private void chargeDowntime(long owner, long holder, long feeCents) {
        charge(holder, feeCents);
        charge(owner, feeCents);
        revenue += 2 * feeCents;
    }

    /**
     * Keeps a served downtime request: its holdings in the coin's record, the assignment issued for it (a replay gets
     * the same answer) and a copy for the owner to take. Called under the coin's lock.
     */
    private void keepServed(CoinRecord record, long owner, Holding holding, byte[] request, Instrument parsed,
            byte[] assignment) {
        remember(record, request, parsed);
        record.issued.put(holding, assignment);
        synchronized (pendingForOwner) {
            List<byte[]> pending = pendingForOwner.get(owner);
            if (pending == null) {
                pending = new ArrayList<>();
                pendingForOwner.put(owner, pending);
            }
            pending.add(request.clone());   // handed to the owner: the broker's record keeps its own copy
        }
    }

    /**
     * Whether the owner, when it can be asked, already took this very act (a request with the same signed bytes) for
     * the coin: then the request is a replay of one the owner served, and the broker's service is free (its
     * assignment repeats the holding the owner issued). Reads the owner's proofs of the coin without checking
     * signatures: a forged "proof" of the same bytes only spares the holder and the owner a fee.
     */
    private boolean ownerTook(CoinKey key, byte[] request) {
        final OwnerEndpoint owner = owners.owner(key.owner());
        if (owner == null) {
            return false;
        }
        for (byte[] proof : owner.relinquishments(key.serial())) {
            if (Relinquishment.sameAct(proof, request, suite.signatureLength())) {
                return true;   // the same signed bytes: the same holding given up, the same request
            }
        }
        return false;
    }

    /** The instruments one thread parses with; each use has its own, as one request's checks nest the others. */
    private static final class Scratch {
        final Instrument request;
        final Instrument proof;

        Scratch(int signatureLength, int maxLayers) {
            request = new Instrument(signatureLength, maxLayers);
            proof = new Instrument(signatureLength, maxLayers);
        }
    }

    @Override
    public List<byte[]> storedRequests(long ownerId) {
        synchronized (pendingForOwner) {
            final List<byte[]> pending = pendingForOwner.get(ownerId);
            return pending == null ? List.of() : List.copyOf(pending);
        }
    }

    @Override
    public void acknowledgeStoredRequests(long ownerId, int count) {
        final long entry;
        synchronized (pendingForOwner) {
            final List<byte[]> pending = pendingForOwner.get(ownerId);
            final int held = pending == null ? 0 : pending.size();
            if (count < 0 || count > held) {
                throw new ProtocolException(Reason.INVALID_ARGUMENT, "owner " + ownerId + " acknowledges " + count
                        + " stored requests, it has " + held);
            }
            if (count == 0) {
                return;
            }
            final List<byte[]> applied = List.copyOf(pending.subList(0, count));
            synchronized (money) {
                entry = journal.append(new LedgerEvent.StoredAcknowledged(ownerId, applied));
            }
            pending.subList(0, count).clear();
            if (pending.isEmpty()) {
                pendingForOwner.remove(ownerId);
            }
        }
        journal.commit(entry);
    }

    // ---- fraud ----

    @Override
    public void reportFraud(Evidence evidence) {
        evidence.verify(directory, suite, maxLayers, keys.peerId());
        final long entry;
        synchronized (money) {
            existing(evidence.culprit());
            entry = journal.append(new LedgerEvent.Convicted(evidence));
            punish(evidence);
        }
        journal.commit(entry);
    }

    /** Charges the penalty once per culprit and coin; called under the money lock. */
    private void punish(Evidence evidence) {
        final String key = evidence.kind() + "/" + evidence.culprit() + "/" + evidence.owner() + "/"
                + evidence.serial();
        if (!punished.add(key)) {
            return;
        }
        final Account culprit = accounts.get(evidence.culprit());
        if (culprit == null) {
            return;
        }
        culprit.frauds++;
        charge(evidence.culprit(), tariff.penaltyCents());
        revenue += tariff.penaltyCents();
        convictions.add(evidence);
    }

    /** Takes money from a balance, then from the deposit; what neither covers is a debt (negative balance). */
    private void charge(long peerId, long cents) {
        final Account account = accounts.get(peerId);
        long due = cents;
        final long fromBalance = Math.max(0, Math.min(account.balanceCents, due));
        account.balanceCents -= fromBalance;
        due -= fromBalance;
        final long fromDeposit = Math.min(account.depositCents, due);
        account.depositCents -= fromDeposit;
        due -= fromDeposit;
        account.balanceCents -= due;
    }

    private void credit(long peerId, long cents) {
        accounts.get(peerId).balanceCents += cents;
    }

    private Account open(long peerId) {
        final Account account = accounts.get(peerId);
        if (account == null || account.status != Account.Status.OPEN) {
            throw new ProtocolException(account == null ? Reason.UNKNOWN_PEER : Reason.ACCOUNT_STATE, "peer "
                    + peerId + (account == null ? " has no account" : " is " + account.status));
        }
        return account;
    }

    private void cashable(long ownerId) {
        final Account account = existing(ownerId);
        if (account.status == Account.Status.CLOSED) {
            throw new ProtocolException(Reason.ACCOUNT_STATE, "coins of peer " + ownerId + " were recalled");
        }
    }

    private Account existing(long peerId) {
        final Account account = accounts.get(peerId);
        if (account == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, "peer " + peerId + " has no account");
        }
        return account;
    }

    // ---- replay of the ledger journal: each applies one recorded effect, as the live method did ----

    void replayAccountOpened(long peerId, byte[] publicKey, long depositCents) {
        synchronized (money) {
            if (accounts.containsKey(peerId) || peerId == keys.peerId()) {
                throw new IllegalStateException("peer " + peerId + " already has an account");
            }
            directory.register(peerId, publicKey);
            accounts.put(peerId, new Account(peerId, depositCents));
            depositsIn += depositCents;
        }
    }

    void replaySerialsSold(long owner, long first, int count) {
        synchronized (money) {
            final Account account = open(owner);
            if (account.nextSerial != first || count < 1) {
                throw new IllegalStateException("serials " + first + " + " + count + " of peer " + owner
                        + " sold, but its next serial is " + account.nextSerial);
            }
            account.nextSerial += count;
            final long price = count * tariff.coinValueCents();
            purchasesIn += price;
            outstanding += price;
            account.outstandingCents += price;
        }
    }

    void replayLeave(long peerId, long recallDeadlineSeconds) {
        synchronized (money) {
            final Account account = open(peerId);
            account.status = Account.Status.LEAVING;
            account.recallDeadlineSeconds = recallDeadlineSeconds;
        }
    }

    void replayClose(long peerId, long refundCents) {
        synchronized (money) {
            final Account account = accounts.get(peerId);
            if (account == null || account.status != Account.Status.LEAVING) {
                throw new IllegalStateException("peer " + peerId + " closed without asking to leave");
            }
            final long refund = close(account);
            if (refund != refundCents) {
                throw new IllegalStateException("peer " + peerId + " was refunded " + refundCents + " cents, the"
                        + " replayed ledger refunds " + refund);
            }
        }
    }

    void replayClaim(long owner, long serial, long claimant, byte[] request, Evidence evidence) {
        final CoinKey key = new CoinKey(owner, serial);
        final Instrument parsed = scratches.get().request;
        final Relinquishment claim = Relinquishment.read(request, parsed, null, suite, keys.peerId());
        if (claim.owner() != owner || claim.serial() != serial || claim.holder() != claimant) {
            throw new IllegalStateException("a claim recorded on " + key + " by peer " + claimant + " is peer "
                    + claim.holder() + "'s request on coin " + claim.owner() + "/" + claim.serial());
        }
        final CoinRecord record = coins.computeIfAbsent(key, k -> new CoinRecord());
        synchronized (record) {
            synchronized (money) {
                existing(owner);
                existing(claimant);
                if (evidence != null) {
                    existing(evidence.culprit());
                }
                if (evidence == null && record.paidFromValue) {
                    throw new IllegalStateException(key + " paid from its value twice");
                }
                if (evidence != null && evidence.kind() == Evidence.Kind.REPLICATION) {
                    record.replication = evidence;   // what the live arbitration answered every later claim with
                    record.replicationSeq = Relinquishment.read(evidence.first(), scratches.get().proof, null, suite,
                            keys.peerId()).seq();
                }
                remember(record, request, parsed);
                settleClaim(key, record, evidence, claimant, request);
            }
        }
    }

    void replayDowntime(long owner, long serial, long holder, byte[] request, byte[] assignment, long feeCents) {
        final CoinKey key = new CoinKey(owner, serial);
        final Instrument parsed = scratches.get().request;
        final Relinquishment given = Relinquishment.read(request, parsed, null, suite, keys.peerId());
        if (given.owner() != owner || given.serial() != serial || given.holder() != holder) {
            throw new IllegalStateException("a downtime request recorded on " + key + " for peer " + holder
                    + " gives up peer " + given.holder() + "'s holding of coin " + given.owner() + "/"
                    + given.serial());
        }
        final CoinRecord record = coins.computeIfAbsent(key, k -> new CoinRecord());
        synchronized (record) {
            synchronized (money) {
                existing(owner);
                existing(holder);
                chargeDowntime(owner, holder, feeCents);
            }
            keepServed(record, owner, new Holding(given.seq(), given.holder()), request, parsed, assignment);
        }
    }

    void replayAcknowledged(long owner, List<byte[]> requests) {
        synchronized (pendingForOwner) {
            final List<byte[]> pending = pendingForOwner.get(owner);
            for (byte[] taken : requests) {
                boolean found = false;
                for (int i = 0; pending != null && i < pending.size() && !found; i++) {
                    if (Arrays.equals(pending.get(i), taken)) {
                        pending.remove(i);
                        found = true;
                    }
                }
                if (!found) {
                    throw new IllegalStateException("owner " + owner + " acknowledged a stored request it was not given");
                }
            }
            if (pending != null && pending.isEmpty()) {
                pendingForOwner.remove(owner);
            }
        }
    }

    void replayConviction(Evidence evidence) {
        synchronized (money) {
            existing(evidence.culprit());
            punish(evidence);
        }
    }

    void replayPayword(String chain, long payer, long vendor, int index, byte[] word, long cents) {
        final RedeemedChain redeemed = redeemedPaywords.computeIfAbsent(chain, c -> new RedeemedChain(word));
        synchronized (money) {
            open(payer);
            open(vendor);
            if (index <= redeemed.index) {
                throw new IllegalStateException("paywords up to " + index + " redeemed twice");
            }
            charge(payer, cents);
            credit(vendor, cents);
            redeemed.index = index;
            redeemed.word = word.clone();
        }
    }

    void replayTicket(String ticket, long payer, long payee, long cents) {
        synchronized (money) {
            open(payer);
            open(payee);
            if (!redeemedTickets.add(ticket)) {
                throw new IllegalStateException("ticket " + ticket + " redeemed twice");
            }
            charge(payer, cents);
            credit(payee, cents);
        }
    }
}
