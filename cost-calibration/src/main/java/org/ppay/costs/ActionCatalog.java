package org.ppay.costs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.transport.FrameHeader;
import org.ppay.core.transport.Placement;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireSizes;
import org.ppay.costs.Recipe.Term;

/**
 * The explicit mapping from benchmarks to actions: for each {@link CostAction}, the recipes that price it, best first.
 * A {@code measured} recipe names the benchmark that performs the action itself; a {@code modelled} recipe counts the
 * signatures and hashes the action performs (as the paper's own cost model does) and is used when no measured result
 * is at hand.
 *
 * <p>Signature counts of the modelled recipes, as the core's roles check them: a holder signs every request it sends;
 * the broker checks a request and everything it carries (the owner's assignment, the self-printed coin and its limit
 * certificate: four signatures) once, before signing a new assignment or paying; an owner checks only the holder's
 * signature on a request (it compares the coin and the assignment it signed last with its own records instead of
 * checking their signatures), appends it to its audit trail and signs the new assignment; a holder checks the
 * assignment, the coin and the coin's limit certificate.
 */
public final class ActionCatalog {

    public static final String BENCH = "org.ppay.bench.";
    public static final String SIGN = BENCH + "crypto.SignatureBenchmark.sign";
    public static final String VERIFY = BENCH + "crypto.SignatureBenchmark.verify";
    public static final String PAYWORD_CHECK_WORD = BENCH + "credit.PaywordBenchmark.checkWord";
    public static final String PAYWORD_REDEEM_CHAIN = BENCH + "credit.PaywordBenchmark.redeemChain";
    public static final String GUESS_PROBE = BENCH + "net.GuessProbeBenchmark.probe";
    public static final String EXCHANGE = BENCH + "net.MessageExchangeBenchmark.exchange";
    public static final String EXCHANGES = "exchanges";
    public static final String CLIENT_CPU = "clientCpuNanos";
    public static final String ECHO_RECEIVE_CPU = "echoReceiveCpuNanos";
    public static final String ECHO_SEND_CPU = "echoSendCpuNanos";
    /**
     * The frame of a coin message between processes: an Ed25519 assignment of a self-printed coin (254 bytes) in the
     * deployment's frame header; {@code MessageExchangeBenchmark} runs this size.
     */
    public static final int COIN_FRAME_BYTES = FrameHeader.frameBytes(WireSizes.assignmentOfSelfPrintedCoin(
            new WireFormat(SignatureAlgorithm.ED25519.signatureLength(), 1)));
    private static final Map<String, String> COIN_OVER_TCP = Map.of("transport", "tcp", "frameBytes",
            String.valueOf(COIN_FRAME_BYTES));
    /** A GUESS query and its response: 94-byte datagrams. */
    private static final Map<String, String> PROBE_OVER_UDP = Map.of("transport", "udp", "frameBytes", "94");
    /** The exchange benchmark's parameter for where its two ends run ({@link Placement}). */
    private static final String PLACEMENT = "placement";
    public static final String AUDIT_APPEND = BENCH + "audit.AuditAppendBenchmark.append";
    public static final String SOFT_CREDIT = BENCH + "credit.SoftCreditBenchmark.picopayment";
    public static final String BROKER_RAW_COIN = BENCH + "protocol.BrokerBenchmark.printRawCoin";
    public static final String BROKER_CERTIFICATE = BENCH + "protocol.BrokerBenchmark.issueLimitCertificate";
    public static final String OWNER_PRINT = BENCH + "protocol.OwnerBenchmark.printCoin";
    public static final String BROKER_CASH = BENCH + "protocol.BrokerCashBenchmark.cash";
    public static final String OWNER_ASSIGN = BENCH + "protocol.CoinFlowBenchmark.ownerAssign";
    public static final String HOLDER_CHECK = BENCH + "protocol.CoinFlowBenchmark.holderCheckAssignment";
    public static final String OWNER_REASSIGN = BENCH + "protocol.CoinFlowBenchmark.ownerReassign";
    public static final String BROKER_REASSIGN = BENCH + "protocol.CoinFlowBenchmark.brokerReassign";
    public static final String OWNER_RENEW = BENCH + "protocol.CoinFlowBenchmark.ownerRenew";
    public static final String OWNER_PEEL_ONE_LAYER = BENCH + "protocol.CoinFlowBenchmark.ownerPeelOneLayer";
    public static final String BROKER_RENEW = BENCH + "protocol.CoinFlowBenchmark.brokerRenew";
    public static final String REQUEST_REASSIGNMENT = BENCH + "protocol.MessageBenchmark.requestReassignment";
    public static final String ADD_LAYER = BENCH + "protocol.MessageBenchmark.addLayer";
    public static final String REQUEST_RENEWAL = BENCH + "protocol.MessageBenchmark.requestRenewal";
    public static final String REQUEST_CASH = BENCH + "protocol.MessageBenchmark.requestCash";
    public static final String PAYWORD_COMMITMENT = BENCH + "protocol.MessageBenchmark.paywordCommit";
    public static final String LOTTERY = BENCH + "protocol.LotteryBenchmark.check";
    public static final String IDLE_PEER = BENCH + "protocol.IdlePeerBenchmark.";
    public static final String IDLE_BROKER_CASH = BENCH + "protocol.IdleBrokerBenchmark.cash";
    public static final String IDLE_BROKER_CERTIFICATE = BENCH + "protocol.IdleBrokerBenchmark.issueLimitCertificate";
    /** An owner's audit trail holds proofs of its own coins: a thousand, not a million, in the paper's scenario. */
    private static final Map<String, String> OWNER_SIZED_TRAIL = Map.of("coins", "1024");

    private static final Map<CostAction, List<Recipe>> RECIPES = Collections.unmodifiableMap(build(Placement.SAME_CPU));

    /** How busy the priced server is, which decides how warm its caches are when a request arrives. */
    public enum Regime {
        /** Requests back to back (JMH's usual loop): every cache warm, the lowest price. */
        BUSY,
        /**
         * Requests far apart, as at a broker whose load is a small fraction of one core and at peers that pay and
         * are paid minutes apart: the broker's cash and limit certificate are priced by {@code IdleBrokerBenchmark}
         * and the peers' coin actions by {@code IdlePeerBenchmark} (each after an idle gap that evicts the caches),
         * and only by them, and messages by the exchange between two CPUs (each wakes an idle one). Every other
         * action keeps its busy price.
         */
        SPARSE;

        /** How this regime's messages are handed over, unless a calibration asks for another placement. */
        public Placement placement() {
            return this == SPARSE ? Placement.SPREAD : Placement.SAME_CPU;
        }
    }

    private ActionCatalog() {
    }

    private static Map<CostAction, List<Recipe>> build(Placement placement) {
        Map<CostAction, List<Recipe>> r = new EnumMap<>(CostAction.class);
        Map<String, String> coin = withPlacement(COIN_OVER_TCP, placement);
        Map<String, String> probe = withPlacement(PROBE_OVER_UDP, placement);
        Recipe oneSign = Recipe.modelled(Term.of(1, SIGN));
        Recipe oneVerify = Recipe.modelled(Term.of(1, VERIFY));
        Term auditAppend = new Term(1, AUDIT_APPEND, null, OWNER_SIZED_TRAIL);
        Recipe verifyRecordAndSign = Recipe.modelled(Term.of(1, VERIFY), auditAppend, Term.of(1, SIGN));
        Recipe fourVerifiesAndSign = Recipe.modelled(Term.of(4, VERIFY), Term.of(1, SIGN));

        r.put(CostAction.BROKER_PRINT_RAW_COIN, List.of(Recipe.measured(BROKER_RAW_COIN), oneSign));
        r.put(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE, List.of(Recipe.measured(BROKER_CERTIFICATE), oneSign));
        // the cash request, the assignment, the coin and its limit certificate
        r.put(CostAction.BROKER_CASH_COIN, List.of(Recipe.measured(BROKER_CASH), Recipe.modelled(Term.of(4, VERIFY))));
        r.put(CostAction.BROKER_CASH_LAYER, List.of(oneVerify));
        r.put(CostAction.BROKER_REASSIGN, List.of(Recipe.measured(BROKER_REASSIGN), fourVerifiesAndSign));
        r.put(CostAction.BROKER_RENEW, List.of(Recipe.measured(BROKER_RENEW), fourVerifiesAndSign));

        r.put(CostAction.OWNER_PRINT_COIN, List.of(Recipe.measured(OWNER_PRINT), oneSign));
        r.put(CostAction.OWNER_ASSIGN, List.of(Recipe.measured(OWNER_ASSIGN), oneSign));
        r.put(CostAction.OWNER_PROCESS_REASSIGNMENT, List.of(Recipe.measured(OWNER_REASSIGN), verifyRecordAndSign));
        // peeling a one-layer coin ends with the new assignment, which the simulator prices as an assignment
        r.put(CostAction.OWNER_PEEL_LAYER, List.of(
                new Recipe("measured", List.of(Term.of(1, OWNER_PEEL_ONE_LAYER), Term.of(-1, OWNER_ASSIGN))),
                Recipe.modelled(Term.of(1, VERIFY), auditAppend)));
        r.put(CostAction.OWNER_RENEW, List.of(Recipe.measured(OWNER_RENEW), verifyRecordAndSign));

        // the assignment, the coin's own signature and its limit certificate
        r.put(CostAction.HOLDER_CHECK_ASSIGNMENT, List.of(Recipe.measured(HOLDER_CHECK), Recipe.modelled(Term.of(3, VERIFY))));
        r.put(CostAction.HOLDER_REQUEST_REASSIGNMENT, List.of(Recipe.measured(REQUEST_REASSIGNMENT), oneSign));
        r.put(CostAction.HOLDER_ADD_LAYER, List.of(Recipe.measured(ADD_LAYER), oneSign));
        r.put(CostAction.HOLDER_REQUEST_RENEWAL, List.of(Recipe.measured(REQUEST_RENEWAL), oneSign));
        r.put(CostAction.HOLDER_REQUEST_CASH, List.of(Recipe.measured(REQUEST_CASH), oneSign));

        r.put(CostAction.SOFT_CREDIT_STEP, List.of(Recipe.measured(SOFT_CREDIT)));
        r.put(CostAction.PAYWORD_COMMIT, List.of(Recipe.measured(PAYWORD_COMMITMENT), oneSign));
        r.put(CostAction.PAYWORD_CHECK, List.of(Recipe.measured(PAYWORD_CHECK_WORD)));
        r.put(CostAction.PAYWORD_REDEEM_HASH, List.of(
                new Recipe("measured", List.of(Term.per(PAYWORD_REDEEM_CHAIN, "chainLength")))));
        r.put(CostAction.PAYWORD_REDEEM, List.of(oneVerify));
        r.put(CostAction.LOTTERY_CHECK, List.of(Recipe.measured(LOTTERY), oneVerify));

        // both ends of the exchange, each on its own pinned thread (the wake-ups included); else the old one-thread
        // probe. Results from before the exchange pinned its threads have no placement and price no transport:
        // their placement was the scheduler's choice, per fork.
        r.put(CostAction.GUESS_PROBE, List.of(probe(probe), Recipe.measured(GUESS_PROBE)));
        // the echo thread meters its receive (wake-up and framed read) and its send (framed write) apart
        r.put(CostAction.MESSAGE_SEND, List.of(echoHalf(coin, ECHO_SEND_CPU)));
        r.put(CostAction.MESSAGE_RECEIVE, List.of(echoHalf(coin, ECHO_RECEIVE_CPU)));
        for (CostAction action : CostAction.values()) {
            if (!r.containsKey(action)) {
                throw new IllegalStateException("no recipe list for " + action);
            }
        }
        return r;
    }

    private static Recipe probe(Map<String, String> params) {
        return new Recipe("measured", List.of(
                Term.secondary(1, EXCHANGE, params, CLIENT_CPU, EXCHANGES),
                Term.secondary(1, EXCHANGE, params, ECHO_RECEIVE_CPU, EXCHANGES),
                Term.secondary(1, EXCHANGE, params, ECHO_SEND_CPU, EXCHANGES)));
    }

    private static Recipe echoHalf(Map<String, String> params, String counter) {
        return new Recipe("measured", List.of(Term.secondary(1, EXCHANGE, params, counter, EXCHANGES)));
    }

    private static Map<String, String> withPlacement(Map<String, String> params, Placement placement) {
        Map<String, String> r = new HashMap<>(params);
        r.put(PLACEMENT, placement.label());
        return Map.copyOf(r);
    }

    private static Map<CostAction, List<Recipe>> sparse(Map<CostAction, List<Recipe>> busy) {
        Map<CostAction, List<Recipe>> r = new EnumMap<>(busy);
        // no fallback to the busy price: a sparse table without the idle-gap results must fail, not pass for sparse
        r.put(CostAction.BROKER_CASH_COIN, List.of(Recipe.measured(IDLE_BROKER_CASH)));
        r.put(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE, List.of(Recipe.measured(IDLE_BROKER_CERTIFICATE)));
        // a peer pays and is paid minutes apart: its coin actions after the same gap (peeling keeps its busy price:
        // it is priced as a difference of two benchmarks, which two idle-gap scores would leave mostly noise)
        r.put(CostAction.OWNER_PRINT_COIN, List.of(Recipe.measured(IDLE_PEER + "ownerPrintCoin")));
        r.put(CostAction.OWNER_ASSIGN, List.of(Recipe.measured(IDLE_PEER + "ownerAssign")));
        r.put(CostAction.OWNER_PROCESS_REASSIGNMENT, List.of(Recipe.measured(IDLE_PEER + "ownerReassign")));
        r.put(CostAction.OWNER_RENEW, List.of(Recipe.measured(IDLE_PEER + "ownerRenew")));
        r.put(CostAction.HOLDER_CHECK_ASSIGNMENT, List.of(Recipe.measured(IDLE_PEER + "holderCheckAssignment")));
        // the holder's four requests are the same writer code and one signature: one idle-gap benchmark prices them
        for (CostAction request : List.of(CostAction.HOLDER_REQUEST_REASSIGNMENT, CostAction.HOLDER_ADD_LAYER,
                CostAction.HOLDER_REQUEST_RENEWAL, CostAction.HOLDER_REQUEST_CASH)) {
            r.put(request, List.of(Recipe.measured(IDLE_PEER + "holderRequest")));
        }
        return r;
    }

    /**
     * How many signatures the action makes, as its counted recipe (the paper's own cost model) has it: the number of
     * {@code SignatureBenchmark.sign} terms in its {@code modelled} recipe; 0 for an action that signs nothing.
     */
    public static int signaturesMade(CostAction action) {
        int signatures = 0;
        for (Recipe recipe : RECIPES.get(action)) {
            if (recipe.kind().equals("modelled")) {
                for (Term term : recipe.terms()) {
                    if (term.benchmark().equals(SIGN)) {
                        signatures += (int) term.count();
                    }
                }
            }
        }
        return signatures;
    }

    /** Every action's recipes, best first. */
    public static Map<CostAction, List<Recipe>> all() {
        return RECIPES;
    }

    /**
     * Every action's recipes for pricing a server in {@code regime}, best first, with messages handed over as that
     * regime hands them over: back to back, the reader's CPU is busy ({@link Placement#SAME_CPU}); far apart, every
     * message wakes an idle CPU ({@link Placement#SPREAD}).
     */
    public static Map<CostAction, List<Recipe>> all(Regime regime) {
        return all(regime, regime.placement());
    }

    /** Every action's recipes for a server in {@code regime} and messages handed over as {@code placement}. */
    public static Map<CostAction, List<Recipe>> all(Regime regime, Placement placement) {
        Map<CostAction, List<Recipe>> busy = placement == Placement.SAME_CPU ? RECIPES : build(placement);
        return Collections.unmodifiableMap(regime == Regime.SPARSE ? sparse(busy) : busy);
    }
}
