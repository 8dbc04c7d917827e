package org.ppay.core.peer;

/**
 * A message or request a role refused. The role's state is unchanged when this is thrown; the reason says which
 * rule the message broke.
 */
public class ProtocolException extends RuntimeException {

    private final Reason reason;

    public ProtocolException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public ProtocolException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why a message was refused. */
    public enum Reason {
        /** The bytes do not decode as the expected message (truncated, wrong type or version, bad length). */
        MALFORMED,
        /** A signature does not verify under the signer's public key. */
        BAD_SIGNATURE,
        /** A peer named in the message has no account (or its account is closed). */
        UNKNOWN_PEER,
        /** The message is addressed to someone else (holder, owner or recipient is not the receiver). */
        WRONG_RECIPIENT,
        /** The sequence number is not above the previous one, or not the current one when it must be. */
        STALE_SEQUENCE,
        /** The renewal window is in the past, or a renewal is asked outside its window. */
        EXPIRED,
        /** A renewal is asked before its window opens. */
        WINDOW_NOT_OPEN,
        /** A self-printed coin's serial is outside its limit certificate, or the certificate is not the owner's. */
        SERIAL_OUT_OF_RANGE,
        /** A layered coin has more layers than allowed, or its layers do not chain (from/to, sequence numbers). */
        BAD_LAYERS,
        /** The exact message was already processed. */
        REPLAYED,
        /** The coin is unknown to this role (not its own, never assigned, or not held). */
        UNKNOWN_COIN,
        /** A timestamp is in the future or too old. */
        BAD_TIMESTAMP,
        /** The account has not enough money, or the limit certificate has no serials left. */
        INSUFFICIENT_FUNDS,
        /** The account already exists, is leaving, or is closed. */
        ACCOUNT_STATE,
        /** The downtime protocol was asked for while the owner is online. */
        OWNER_ONLINE,
        /** The owner is offline. */
        OWNER_OFFLINE,
        /** The message proves fraud; see {@code org.ppay.core.fraud.FraudDetectedException}. */
        FRAUD,
        /** An argument of a local call is out of range. */
        INVALID_ARGUMENT
    }
}
