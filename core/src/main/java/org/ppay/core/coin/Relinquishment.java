package org.ppay.core.coin;

import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/**
 * What a signed message gives up: a reassignment request (3), a layer (8), a renewal request (10) or a cash request
 * each give up one holding (owner, serial, seq, holder) and are signed by that holder. When the instrument inside is
 * layered, the holding given up is the outermost one (the last layer's seq and payee); the layers inside are the
 * earlier holdings' own proofs. This is the paper's proof of
 * relinquishment (section 4.1); two different ones for the same holding prove replication.
 */
public final class Relinquishment {

    private final long owner;
    private final long serial;
    private final long seq;
    private final long holder;
    private final int type;

    private Relinquishment(long owner, long serial, long seq, long holder, int type) {
        this.owner = owner;
        this.serial = serial;
        this.seq = seq;
        this.holder = holder;
        this.type = type;
    }

    /**
     * Reads the holding {@code message} gives up; with {@code keys} not null also checks every signature in it and
     * that the holding's holder signed it.
     */
    public static Relinquishment read(byte[] message, Instrument scratch, KeyDirectory keys, SignatureSuite suite,
            long brokerId) {
        final int type = Requests.type(message);
        final int sig = suite.signatureLength();
        final int innerOffset;
        final int innerLength;
        if (type == Layout.REASSIGNMENT_REQUEST) {
            Requests.expectReassignment(message, sig);
            innerOffset = Requests.reassignedOffset();
            innerLength = Requests.reassignedLength(message, sig);
        } else if (type == Layout.RENEWAL_REQUEST) {
            Requests.expectRenewal(message, sig);
            innerOffset = Requests.renewedOffset();
            innerLength = Requests.renewedLength(message, sig);
        } else if (type == Layout.CASH_REQUEST) {
            Requests.expectCash(message, sig);
            innerOffset = Requests.cashedOffset();
            innerLength = Requests.cashedLength(message, sig);
        } else if (type == Layout.LAYERED_COIN) {
            if (message.length < Layout.LAYER_INNER + Layout.HEADER + sig) {
                throw new ProtocolException(Reason.MALFORMED, "layer too short");
            }
            innerOffset = Layout.LAYER_INNER;
            innerLength = message.length - Layout.LAYER_INNER - sig;
        } else {
            throw new ProtocolException(Reason.MALFORMED, String.format(
                    "type 0x%02x is not a proof of relinquishment", type));
        }
        scratch.parse(message, innerOffset, innerLength);
        if ((type == Layout.REASSIGNMENT_REQUEST || type == Layout.RENEWAL_REQUEST) && scratch.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED,
                    "a reassignment or renewal request carries an assignment or a layered coin, not a bare coin");
        }
        if (type == Layout.LAYERED_COIN && scratch.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED, "a layer wraps an assignment or a layer");
        }
        final long holder = scratch.finalHolder();
        if (type == Layout.LAYERED_COIN && Bytes.getLong(message, Layout.LAYER_FROM) != holder) {
            throw new ProtocolException(Reason.BAD_LAYERS, "a layer must be signed by the holder it relinquishes");
        }
        if (type == Layout.CASH_REQUEST && Requests.cashHolder(message) != holder) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "peer " + Requests.cashHolder(message)
                    + " cashes a coin held by peer " + holder);
        }
        final Relinquishment r = new Relinquishment(scratch.owner(), scratch.serial(), scratch.finalSeq(), holder,
                type);
        if (keys != null) {
            scratch.verify(keys, suite, brokerId);
            Signatures.check(keys, suite, holder, message, 0, message.length, "proof of relinquishment");
        }
        return r;
    }

    public long owner() {
        return owner;
    }

    public long serial() {
        return serial;
    }

    public long seq() {
        return seq;
    }

    public long holder() {
        return holder;
    }

    /** The message type (reassignment, layer, renewal or cash request). */
    public int type() {
        return type;
    }

    public boolean sameHolding(Relinquishment other) {
        return owner == other.owner && serial == other.serial && seq == other.seq && holder == other.holder;
    }

    @Override
    public String toString() {
        return "holding(owner " + owner + ", serial " + serial + ", seq " + seq + ", holder " + holder + ")";
    }
}
