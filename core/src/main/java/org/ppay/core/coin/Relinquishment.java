package org.ppay.core.coin;

import java.util.Arrays;
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
 *
 * <p>A give-up is one act of its signer, identified by its <em>signed bytes</em> (everything before its own final
 * signature), never by its signature: a randomised scheme (ECDSA) gives a new signature each time an honest peer
 * signs the same bytes again, so two messages whose signed bytes are equal are one act ({@link #sameAct}).
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
        return readChecked(message, scratch, keys == null ? null : scratch.directoryCheck(keys, suite), suite,
                brokerId);
    }

    /**
     * As {@link #read}, every signature through {@code checks} (none when it is null): the instrument's in
     * {@link Instrument#verify(SignatureCheck, long)}'s order, then the holder's over the whole message.
     */
    public static Relinquishment readChecked(byte[] message, Instrument scratch, SignatureCheck checks,
            SignatureSuite suite, long brokerId) {
        final int type = Requests.type(message);
        final int sig = suite.signatureLength();
        if (type == Layout.REASSIGNMENT_REQUEST) {
            Requests.expectReassignment(message, sig);
        } else if (type == Layout.RENEWAL_REQUEST) {
            Requests.expectRenewal(message, sig);
        } else if (type == Layout.CASH_REQUEST) {
            Requests.expectCash(message, sig);
        }
        readHolding(message, 0, message.length, scratch, sig);
        final long holder = scratch.finalHolder();
        final Relinquishment r = new Relinquishment(scratch.owner(), scratch.serial(), scratch.finalSeq(), holder,
                type);
        if (checks != null) {
            scratch.verify(checks, brokerId);
            checks.check(holder, message, 0, message.length, "proof of relinquishment");
        }
        return r;
    }

    /**
     * Reads the holding that {@code buffer[offset, offset + length)} gives up into {@code scratch}, allocating
     * nothing: afterwards {@code scratch.owner()}, {@code serial()}, {@code finalSeq()} and {@code finalHolder()}
     * name it. Checks the structure and who gave the holding up, not the signatures.
     *
     * @return the message type (reassignment, layer, renewal or cash request)
     */
    public static int readHolding(byte[] buffer, int offset, int length, Instrument scratch, int signatureLength) {
        if (buffer == null || offset < 0 || length < Layout.HEADER || offset > buffer.length - length) {
            throw new ProtocolException(Reason.MALFORMED, "proof of relinquishment is empty or outside its buffer");
        }
        if ((buffer[offset + 1] & 0xFF) != Layout.VERSION) {
            throw new ProtocolException(Reason.MALFORMED, "version " + (buffer[offset + 1] & 0xFF) + ", expected "
                    + Layout.VERSION);
        }
        final int type = buffer[offset] & 0xFF;
        final int innerOffset;
        if (type == Layout.REASSIGNMENT_REQUEST) {
            innerOffset = Layout.REQUEST_ASSIGNMENT;
        } else if (type == Layout.RENEWAL_REQUEST) {
            innerOffset = Layout.RENEWAL_ASSIGNMENT;
        } else if (type == Layout.CASH_REQUEST) {
            innerOffset = Layout.CASH_INSTRUMENT;
        } else if (type == Layout.LAYERED_COIN) {
            innerOffset = Layout.LAYER_INNER;
        } else {
            throw new ProtocolException(Reason.MALFORMED, String.format(
                    "type 0x%02x is not a proof of relinquishment", type));
        }
        if (length < innerOffset + Layout.HEADER + signatureLength) {
            throw new ProtocolException(Reason.MALFORMED, "proof of relinquishment of " + length
                    + " bytes is too short");
        }
        scratch.parse(buffer, offset + innerOffset, length - innerOffset - signatureLength);
        if ((type == Layout.REASSIGNMENT_REQUEST || type == Layout.RENEWAL_REQUEST) && scratch.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED,
                    "a reassignment or renewal request carries an assignment or a layered coin, not a bare coin");
        }
        if (type == Layout.LAYERED_COIN && scratch.isBareCoin()) {
            throw new ProtocolException(Reason.MALFORMED, "a layer wraps an assignment or a layer");
        }
        final long holder = scratch.finalHolder();
        if (type == Layout.LAYERED_COIN && Bytes.getLong(buffer, offset + Layout.LAYER_FROM) != holder) {
            throw new ProtocolException(Reason.BAD_LAYERS, "a layer must be signed by the holder it relinquishes");
        }
        if (type == Layout.CASH_REQUEST && Bytes.getLong(buffer, offset + Layout.CASH_HOLDER) != holder) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "peer " + Bytes.getLong(buffer, offset
                    + Layout.CASH_HOLDER) + " cashes a coin held by peer " + holder);
        }
        return type;
    }

    /**
     * Whether two signed messages are one act: their bytes before the final {@code signatureLength} bytes are equal,
     * whatever those final signature bytes are.
     */
    public static boolean sameAct(byte[] a, byte[] b, int signatureLength) {
        return sameAct(a, 0, a.length, b, 0, b.length, signatureLength);
    }

    /** {@link #sameAct(byte[], byte[], int)} over {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)}. */
    public static boolean sameAct(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo, int signatureLength) {
        return aTo - aFrom >= signatureLength && bTo - bFrom >= signatureLength
                && Arrays.equals(a, aFrom, aTo - signatureLength, b, bFrom, bTo - signatureLength);
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
