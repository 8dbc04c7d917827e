package org.ppay.costs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ppay.costs.Recipe.Term;

/**
 * The explicit mapping from benchmarks to actions: for each {@link CostAction}, the recipes that price it, best first.
 * A {@code measured} recipe names the benchmark that performs the action itself; a {@code modelled} recipe counts the
 * signatures and hashes the action performs (as the paper's own cost model does) and is used when no measured result
 * is at hand.
 *
 * <p>Signature counts of the modelled recipes: a holder signs every request it sends; the broker verifies a request
 * and the owner's assignment it carries before signing a new one; an owner checks the holder's signature on a request,
 * appends it to its audit trail and signs the new assignment (it knows its own assignments); a holder checks the
 * assignment and its coin.
 */
public final class ActionCatalog {

    public static final String BENCH = "org.ppay.bench.";
    public static final String SIGN = BENCH + "crypto.SignatureBenchmark.sign";
    public static final String VERIFY = BENCH + "crypto.SignatureBenchmark.verify";
    public static final String PAYWORD_CHECK_WORD = BENCH + "credit.PaywordBenchmark.checkWord";
    public static final String PAYWORD_REDEEM_CHAIN = BENCH + "credit.PaywordBenchmark.redeemChain";
    public static final String GUESS_PROBE = BENCH + "net.GuessProbeBenchmark.probe";
    public static final String AUDIT_APPEND = BENCH + "audit.AuditTrailBenchmark.append";

    private static final Map<CostAction, List<Recipe>> RECIPES = Collections.unmodifiableMap(build());

    private ActionCatalog() {
    }

    private static Map<CostAction, List<Recipe>> build() {
        Map<CostAction, List<Recipe>> r = new EnumMap<>(CostAction.class);
        Recipe oneSign = Recipe.modelled(Term.of(1, SIGN));
        Recipe oneVerify = Recipe.modelled(Term.of(1, VERIFY));
        Recipe verifyRecordAndSign = Recipe.modelled(Term.of(1, VERIFY), Term.of(1, AUDIT_APPEND), Term.of(1, SIGN));
        Recipe twoVerifiesAndSign = Recipe.modelled(Term.of(2, VERIFY), Term.of(1, SIGN));

        r.put(CostAction.BROKER_PRINT_RAW_COIN, List.of(oneSign));
        r.put(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE, List.of(oneSign));
        // the cash request, the assignment, the coin and its limit certificate
        r.put(CostAction.BROKER_CASH_COIN, List.of(Recipe.modelled(Term.of(4, VERIFY))));
        r.put(CostAction.BROKER_CASH_LAYER, List.of(oneVerify));
        r.put(CostAction.BROKER_REASSIGN, List.of(twoVerifiesAndSign));
        r.put(CostAction.BROKER_RENEW, List.of(twoVerifiesAndSign));

        r.put(CostAction.OWNER_PRINT_COIN, List.of(oneSign));
        r.put(CostAction.OWNER_ASSIGN, List.of(oneSign));
        r.put(CostAction.OWNER_PROCESS_REASSIGNMENT, List.of(verifyRecordAndSign));
        r.put(CostAction.OWNER_PEEL_LAYER, List.of(Recipe.modelled(Term.of(1, VERIFY), Term.of(1, AUDIT_APPEND))));
        r.put(CostAction.OWNER_RENEW, List.of(verifyRecordAndSign));

        // the assignment and the coin's own signature
        r.put(CostAction.HOLDER_CHECK_ASSIGNMENT, List.of(Recipe.modelled(Term.of(2, VERIFY))));
        r.put(CostAction.HOLDER_REQUEST_REASSIGNMENT, List.of(oneSign));
        r.put(CostAction.HOLDER_ADD_LAYER, List.of(oneSign));
        r.put(CostAction.HOLDER_REQUEST_RENEWAL, List.of(oneSign));
        r.put(CostAction.HOLDER_REQUEST_CASH, List.of(oneSign));

        r.put(CostAction.SOFT_CREDIT_STEP, List.of());
        r.put(CostAction.PAYWORD_COMMIT, List.of(oneSign));
        r.put(CostAction.PAYWORD_CHECK, List.of(Recipe.measured(PAYWORD_CHECK_WORD)));
        r.put(CostAction.PAYWORD_REDEEM_HASH, List.of(
                new Recipe("measured", List.of(Term.per(PAYWORD_REDEEM_CHAIN, "chainLength")))));
        r.put(CostAction.PAYWORD_REDEEM, List.of(oneVerify));
        r.put(CostAction.LOTTERY_CHECK, List.of(oneVerify));

        r.put(CostAction.GUESS_PROBE, List.of(Recipe.measured(GUESS_PROBE)));
        for (CostAction action : CostAction.values()) {
            if (!r.containsKey(action)) {
                throw new IllegalStateException("no recipe list for " + action);
            }
        }
        return r;
    }

    /** Every action's recipes, best first. */
    public static Map<CostAction, List<Recipe>> all() {
        return RECIPES;
    }

    /** The recipes for an action, best first; empty when no benchmark prices it yet. */
    public static List<Recipe> recipes(CostAction action) {
        return RECIPES.get(action);
    }
}
