package org.ppay.costs;

/**
 * The macro actions of the cost model: what the simulator counts, and what the calibration prices from JMH.
 *
 * <p>Each action is one step of one role, with real crypto, as the benchmark of the same name performs it. The
 * simulator multiplies its counts of each action by the {@code cycles_per_op} of that action in {@code costs.csv}
 * and its message counts by {@code bytes}. A cost table is complete when it has a row for every action.
 */
public enum CostAction {
    // ---- broker ----
    BROKER_PRINT_RAW_COIN(Role.BROKER, "sign a raw coin (1)"),
    BROKER_ISSUE_LIMIT_CERTIFICATE(Role.BROKER, "sign a limit certificate (6)"),
    BROKER_CASH_COIN(Role.BROKER, "check a cash request and the assignment and coin it carries, record it in the ledger"),
    BROKER_CASH_LAYER(Role.BROKER, "check one more layer of a layered coin being cashed"),
    BROKER_REASSIGN(Role.BROKER, "downtime protocol: check a reassignment request, store it, sign the new assignment (5)"),
    BROKER_RENEW(Role.BROKER, "renew for an offline owner: check the renewal request (10), store it, sign (11)"),

    // ---- owner ----
    OWNER_PRINT_COIN(Role.OWNER, "print a self-printed coin within the limit certificate (7)"),
    OWNER_ASSIGN(Role.OWNER, "assign an own coin to a holder (2)/(9)"),
    OWNER_PROCESS_REASSIGNMENT(Role.OWNER, "check a reassignment request (3), record it in the audit trail, sign the new assignment (4)"),
    OWNER_PEEL_LAYER(Role.OWNER, "check and record one layer peeled off a layered coin (8)"),
    OWNER_RENEW(Role.OWNER, "check a renewal request (10), record it, sign the renewed assignment (11)"),

    // ---- holder ----
    HOLDER_CHECK_ASSIGNMENT(Role.HOLDER, "check a received assignment: signature, holder, sequence, window, certificate"),
    HOLDER_REQUEST_REASSIGNMENT(Role.HOLDER, "build and sign a reassignment request (3)"),
    HOLDER_ADD_LAYER(Role.HOLDER, "add a layer to a coin (8)"),
    HOLDER_REQUEST_RENEWAL(Role.HOLDER, "build and sign a renewal request (10)"),
    HOLDER_REQUEST_CASH(Role.HOLDER, "build and sign a cash request"),

    // ---- credit ----
    SOFT_CREDIT_STEP(Role.PEER, "one picopayment through a soft credit window (both sides' bookkeeping)"),
    PAYWORD_COMMIT(Role.PEER, "sign a Payword commitment for a vendor"),
    PAYWORD_CHECK(Role.PEER, "check one payword (one hash)"),
    PAYWORD_REDEEM_HASH(Role.BROKER, "one hash of a Payword chain redeemed at the broker"),
    PAYWORD_REDEEM(Role.BROKER, "check a Payword commitment being redeemed (one verification), excluding the hashes"),
    LOTTERY_CHECK(Role.PEER, "check an electronic lottery ticket"),

    // ---- application ----
    GUESS_PROBE(Role.PEER, "one GUESS probe, both ends: a ~94-byte query and its response, each sent by one thread and"
            + " received by another (UDP, loopback)"),

    // ---- transport (optional: tables calibrated before they existed lack them and price transport at zero) ----
    MESSAGE_SEND(Role.ANY, "CPU of the sending end of one protocol message: a framed TCP write that wakes the"
            + " receiver", true),
    MESSAGE_RECEIVE(Role.ANY, "CPU of the receiving end of one protocol message: the wake-up and the framed TCP read",
            true);

    private final Role role;
    private final String description;
    private final boolean optional;

    CostAction(Role role, String description) {
        this(role, description, false);
    }

    CostAction(Role role, String description, boolean optional) {
        this.role = role;
        this.description = description;
        this.optional = optional;
    }

    /**
     * Whether a cost table may lack this action: true for the transport actions, added after cost tables (the
     * embedded default among them) had been calibrated without them. A table without the row prices the action at
     * zero; {@link CostTable#has} tells.
     */
    public boolean optional() {
        return optional;
    }

    public Role role() {
        return role;
    }

    public String description() {
        return description;
    }

    /** The name used in {@code costs.csv}: the constant in lower case, e.g. {@code owner_process_reassignment}. */
    public String csvName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The part of the action's price one end of it pays. GUESS_PROBE and SOFT_CREDIT_STEP are priced by benchmarks of
     * both ends of one exchange and counted at both ends, so each end pays half; every other action is one end's work.
     */
    public double shareOfOneEnd() {
        return this == GUESS_PROBE || this == SOFT_CREDIT_STEP ? 0.5 : 1.0;
    }

    /** Who performs an action; {@code ANY} for what the broker and every peer do alike (sending, receiving). */
    public enum Role { BROKER, OWNER, HOLDER, PEER, ANY }
}
