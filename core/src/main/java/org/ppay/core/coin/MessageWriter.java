package org.ppay.core.coin;

import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.PeerKeys;

/**
 * Builds and signs the protocol's messages. Each message is a fresh array: the roles keep what they sign
 * (assignments given, proofs), so the array is the message's one copy.
 */
public final class MessageWriter {

    private final SignatureSuite suite;
    private final int signatureLength;

    public MessageWriter(SignatureSuite suite) {
        this.suite = suite;
        this.signatureLength = suite.signatureLength();
    }

    public int signatureLength() {
        return signatureLength;
    }

    /** (1) {U, sn}_SKB. */
    public byte[] rawCoin(PeerKeys broker, long owner, long serial) {
        final byte[] m = start(Layout.RAW_COIN, Layout.RAW_FIXED);
        Bytes.putLong(m, Layout.RAW_OWNER, owner);
        Bytes.putLong(m, Layout.RAW_SERIAL, serial);
        return sign(broker, m);
    }

    /** (6) {U, lim_l, lim_u}_SKB. */
    public byte[] limitCertificate(PeerKeys broker, long owner, long serialLow, long serialHigh) {
        final byte[] m = start(Layout.LIMIT_CERTIFICATE, Layout.CERT_FIXED);
        Bytes.putLong(m, Layout.CERT_OWNER, owner);
        Bytes.putLong(m, Layout.CERT_LOW, serialLow);
        Bytes.putLong(m, Layout.CERT_HIGH, serialHigh);
        return sign(broker, m);
    }

    /** (7) {sn, L}_SKU. */
    public byte[] selfPrintedCoin(PeerKeys owner, long serial, byte[] certificate) {
        final byte[] m = start(Layout.SELF_PRINTED_COIN, Layout.SELF_CERT + certificate.length);
        Bytes.putLong(m, Layout.SELF_SERIAL, serial);
        System.arraycopy(certificate, 0, m, Layout.SELF_CERT, certificate.length);
        return sign(owner, m);
    }

    /** (2)/(4)/(9)/(11), or (5) when {@code byBroker}: {V, seq, ts, r_b, r_e, C}. */
    public byte[] assignment(PeerKeys signer, boolean byBroker, long holder, long seq, long timestampSeconds,
            long renewalBeginSeconds, long renewalEndSeconds, byte[] coin, int coinOffset, int coinLength) {
        final byte[] m = start(byBroker ? Layout.BROKER_ASSIGNMENT : Layout.ASSIGNMENT,
                Layout.ASSIGN_COIN + coinLength);
        Bytes.putLong(m, Layout.ASSIGN_HOLDER, holder);
        Bytes.putUint(m, Layout.ASSIGN_SEQ, seq);
        Bytes.putUint(m, Layout.ASSIGN_TIMESTAMP, timestampSeconds);
        Bytes.putUint(m, Layout.ASSIGN_BEGIN, renewalBeginSeconds);
        Bytes.putUint(m, Layout.ASSIGN_END, renewalEndSeconds);
        System.arraycopy(coin, coinOffset, m, Layout.ASSIGN_COIN, coinLength);
        return sign(signer, m);
    }

    /** (3) {X, A_UV}_SKV. */
    public byte[] reassignmentRequest(PeerKeys holder, long newHolder, byte[] assignment, int offset, int length) {
        final byte[] m = start(Layout.REASSIGNMENT_REQUEST, Layout.REQUEST_ASSIGNMENT + length);
        Bytes.putLong(m, Layout.REQUEST_NEW_HOLDER, newHolder);
        System.arraycopy(assignment, offset, m, Layout.REQUEST_ASSIGNMENT, length);
        return sign(holder, m);
    }

    /** (8) {X, V, seq_n, inner}_SKV. */
    public byte[] layer(PeerKeys from, long to, long seq, byte[] inner, int offset, int length) {
        final byte[] m = start(Layout.LAYERED_COIN, Layout.LAYER_INNER + length);
        Bytes.putLong(m, Layout.LAYER_TO, to);
        Bytes.putLong(m, Layout.LAYER_FROM, from.peerId());
        Bytes.putUint(m, Layout.LAYER_SEQ, seq);
        System.arraycopy(inner, offset, m, Layout.LAYER_INNER, length);
        return sign(from, m);
    }

    /** (10) {A_UV}_SKV. */
    public byte[] renewalRequest(PeerKeys holder, byte[] assignment, int offset, int length) {
        final byte[] m = start(Layout.RENEWAL_REQUEST, Layout.RENEWAL_ASSIGNMENT + length);
        System.arraycopy(assignment, offset, m, Layout.RENEWAL_ASSIGNMENT, length);
        return sign(holder, m);
    }

    /** {holder, ts, instrument}_SKV. */
    public byte[] cashRequest(PeerKeys holder, long timestampSeconds, byte[] instrument, int offset, int length) {
        final byte[] m = start(Layout.CASH_REQUEST, Layout.CASH_INSTRUMENT + length);
        Bytes.putLong(m, Layout.CASH_HOLDER, holder.peerId());
        Bytes.putUint(m, Layout.CASH_TIMESTAMP, timestampSeconds);
        System.arraycopy(instrument, offset, m, Layout.CASH_INSTRUMENT, length);
        return sign(holder, m);
    }

    /** {payer, vendor, w0, n, expiry}_SKpayer. */
    public byte[] paywordCommitment(PeerKeys payer, long vendor, byte[] root, long chainLength, long expirySeconds) {
        if (root.length != 32) {
            throw new IllegalArgumentException("a Payword root is 32 bytes, not " + root.length);
        }
        final byte[] m = start(Layout.PAYWORD_COMMITMENT, Layout.PAYWORD_FIXED);
        Bytes.putLong(m, Layout.PAYWORD_PAYER, payer.peerId());
        Bytes.putLong(m, Layout.PAYWORD_VENDOR, vendor);
        System.arraycopy(root, 0, m, Layout.PAYWORD_ROOT, 32);
        Bytes.putUint(m, Layout.PAYWORD_LENGTH, chainLength);
        Bytes.putUint(m, Layout.PAYWORD_EXPIRY, expirySeconds);
        return sign(payer, m);
    }

    /** {payer, payee, serial, ts}_SKpayer. */
    public byte[] lotteryTicket(PeerKeys payer, long payee, long serial, long timestampSeconds) {
        final byte[] m = start(Layout.LOTTERY_TICKET, Layout.TICKET_FIXED);
        Bytes.putLong(m, Layout.TICKET_PAYER, payer.peerId());
        Bytes.putLong(m, Layout.TICKET_PAYEE, payee);
        Bytes.putLong(m, Layout.TICKET_SERIAL, serial);
        Bytes.putUint(m, Layout.TICKET_TIMESTAMP, timestampSeconds);
        return sign(payer, m);
    }

    private byte[] start(int type, int fieldsEnd) {
        final byte[] m = new byte[fieldsEnd + signatureLength];
        m[0] = (byte) type;
        m[1] = (byte) Layout.VERSION;
        return m;
    }

    private byte[] sign(PeerKeys signer, byte[] m) {
        final int signed = m.length - signatureLength;
        suite.sign(signer.privateKey(), m, 0, signed, m, signed);
        return m;
    }
}
