package org.ppay.core.coin;

import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.wire.MalformedMessageException;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireMessages;

/**
 * Reads the envelopes around an instrument: reassignment (3), renewal (10) and cash requests, Payword commitments
 * and lottery tickets. Each method checks the type, version and room for the fields it reads.
 */
public final class Requests {

    public static final int REASSIGNMENT = Layout.REASSIGNMENT_REQUEST;
    public static final int RENEWAL = Layout.RENEWAL_REQUEST;
    public static final int CASH = Layout.CASH_REQUEST;
    public static final int LAYERED = Layout.LAYERED_COIN;

    /** The formats of the usual signature lengths (Ed25519 and ECDSA P-256, RSA-2048), so checks allocate none. */
    private static final WireFormat FORMAT_64 = new WireFormat(64, WireFormat.MAX_LAYERS_LIMIT);
    private static final WireFormat FORMAT_256 = new WireFormat(256, WireFormat.MAX_LAYERS_LIMIT);
    private static final byte[] NOTHING = new byte[0];
    /** A per-thread view over the message being checked: the wire validator reads a buffer, not an array. */
    private static final ThreadLocal<UnsafeBuffer> VIEW = ThreadLocal.withInitial(() -> new UnsafeBuffer(NOTHING));

    private Requests() {
    }

    /** The type byte of a message, checking its header. */
    public static int type(byte[] m) {
        if (m == null || m.length < Layout.HEADER) {
            throw new ProtocolException(Reason.MALFORMED, "message shorter than its 2-byte header");
        }
        if ((m[1] & 0xFF) != Layout.VERSION) {
            throw new ProtocolException(Reason.MALFORMED, "version " + (m[1] & 0xFF) + ", expected " + Layout.VERSION);
        }
        return m[0] & 0xFF;
    }

    public static void expect(byte[] m, int type, int fixedBytes, int signatureLength, String what) {
        final int actual = type(m);
        if (actual != type) {
            throw new ProtocolException(Reason.MALFORMED, String.format("expected a %s (0x%02x), got type 0x%02x",
                    what, type, actual));
        }
        if (m.length < fixedBytes + Layout.HEADER + signatureLength) {
            throw new ProtocolException(Reason.MALFORMED, what + " of " + m.length + " bytes is too short");
        }
        final UnsafeBuffer view = VIEW.get();
        view.wrap(m);
        try {
            WireMessages.validate(format(signatureLength), view, 0, m.length);
        } catch (MalformedMessageException e) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + e.getMessage(), e);
        } finally {
            view.wrap(NOTHING); // keeps no message alive
        }
    }

    private static WireFormat format(int signatureLength) {
        if (signatureLength == 64) {
            return FORMAT_64;
        }
        return signatureLength == 256 ? FORMAT_256 : new WireFormat(signatureLength, WireFormat.MAX_LAYERS_LIMIT);
    }

    // ---- reassignment request (3) ----

    public static void expectReassignment(byte[] m, int signatureLength) {
        expect(m, Layout.REASSIGNMENT_REQUEST, Layout.REQUEST_ASSIGNMENT, signatureLength, "reassignment request");
    }

    public static long newHolder(byte[] request) {
        return Bytes.getLong(request, Layout.REQUEST_NEW_HOLDER);
    }

    public static int reassignedOffset() {
        return Layout.REQUEST_ASSIGNMENT;
    }

    public static int reassignedLength(byte[] request, int signatureLength) {
        return request.length - Layout.REQUEST_ASSIGNMENT - signatureLength;
    }

    // ---- renewal request (10) ----

    public static void expectRenewal(byte[] m, int signatureLength) {
        expect(m, Layout.RENEWAL_REQUEST, Layout.RENEWAL_ASSIGNMENT, signatureLength, "renewal request");
    }

    public static int renewedOffset() {
        return Layout.RENEWAL_ASSIGNMENT;
    }

    public static int renewedLength(byte[] request, int signatureLength) {
        return request.length - Layout.RENEWAL_ASSIGNMENT - signatureLength;
    }

    // ---- cash request ----

    public static void expectCash(byte[] m, int signatureLength) {
        expect(m, Layout.CASH_REQUEST, Layout.CASH_INSTRUMENT, signatureLength, "cash request");
    }

    public static long cashHolder(byte[] request) {
        return Bytes.getLong(request, Layout.CASH_HOLDER);
    }

    public static long cashTimestamp(byte[] request) {
        return Bytes.getUint(request, Layout.CASH_TIMESTAMP);
    }

    public static int cashedOffset() {
        return Layout.CASH_INSTRUMENT;
    }

    public static int cashedLength(byte[] request, int signatureLength) {
        return request.length - Layout.CASH_INSTRUMENT - signatureLength;
    }

    // ---- Payword commitment ----

    public static void expectPaywordCommitment(byte[] m, int signatureLength) {
        expect(m, Layout.PAYWORD_COMMITMENT, Layout.PAYWORD_FIXED - Layout.HEADER, signatureLength,
                "Payword commitment");
        if (m.length != Layout.PAYWORD_FIXED + signatureLength) {
            throw new ProtocolException(Reason.MALFORMED, "Payword commitment of " + m.length + " bytes");
        }
    }

    public static long paywordPayer(byte[] m) {
        return Bytes.getLong(m, Layout.PAYWORD_PAYER);
    }

    public static long paywordVendor(byte[] m) {
        return Bytes.getLong(m, Layout.PAYWORD_VENDOR);
    }

    public static byte[] paywordRoot(byte[] m) {
        final byte[] root = new byte[32];
        System.arraycopy(m, Layout.PAYWORD_ROOT, root, 0, 32);
        return root;
    }

    public static long paywordChainLength(byte[] m) {
        return Bytes.getUint(m, Layout.PAYWORD_LENGTH);
    }

    public static long paywordExpiry(byte[] m) {
        return Bytes.getUint(m, Layout.PAYWORD_EXPIRY);
    }

    // ---- lottery ticket ----

    public static void expectLotteryTicket(byte[] m, int signatureLength) {
        expect(m, Layout.LOTTERY_TICKET, Layout.TICKET_FIXED - Layout.HEADER, signatureLength, "lottery ticket");
        if (m.length != Layout.TICKET_FIXED + signatureLength) {
            throw new ProtocolException(Reason.MALFORMED, "lottery ticket of " + m.length + " bytes");
        }
    }

    public static long ticketPayer(byte[] m) {
        return Bytes.getLong(m, Layout.TICKET_PAYER);
    }

    public static long ticketPayee(byte[] m) {
        return Bytes.getLong(m, Layout.TICKET_PAYEE);
    }

    public static long ticketSerial(byte[] m) {
        return Bytes.getLong(m, Layout.TICKET_SERIAL);
    }

    public static long ticketTimestamp(byte[] m) {
        return Bytes.getUint(m, Layout.TICKET_TIMESTAMP);
    }

    // ---- limit certificate (6) ----

    public static void expectLimitCertificate(byte[] m, int signatureLength) {
        expect(m, Layout.LIMIT_CERTIFICATE, Layout.CERT_FIXED - Layout.HEADER, signatureLength, "limit certificate");
        if (m.length != Layout.CERT_FIXED + signatureLength) {
            throw new ProtocolException(Reason.MALFORMED, "limit certificate of " + m.length + " bytes");
        }
    }

    public static long certificateOwner(byte[] m) {
        return Bytes.getLong(m, Layout.CERT_OWNER);
    }

    public static long certificateLow(byte[] m) {
        return Bytes.getLong(m, Layout.CERT_LOW);
    }

    public static long certificateHigh(byte[] m) {
        return Bytes.getLong(m, Layout.CERT_HIGH);
    }
}
