package org.ppay.core.coin;

import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.wire.Assignment;
import org.ppay.core.wire.AssignmentEncoder;
import org.ppay.core.wire.CashRequest;
import org.ppay.core.wire.CashRequestEncoder;
import org.ppay.core.wire.LayeredCoin;
import org.ppay.core.wire.LayeredCoinEncoder;
import org.ppay.core.wire.LimitCertificate;
import org.ppay.core.wire.LimitCertificateEncoder;
import org.ppay.core.wire.LotteryTicket;
import org.ppay.core.wire.LotteryTicketEncoder;
import org.ppay.core.wire.MessageEncoder;
import org.ppay.core.wire.MessageSignatures;
import org.ppay.core.wire.PaywordCommitment;
import org.ppay.core.wire.PaywordCommitmentEncoder;
import org.ppay.core.wire.RawCoin;
import org.ppay.core.wire.RawCoinEncoder;
import org.ppay.core.wire.ReassignmentRequest;
import org.ppay.core.wire.ReassignmentRequestEncoder;
import org.ppay.core.wire.RenewalRequest;
import org.ppay.core.wire.RenewalRequestEncoder;
import org.ppay.core.wire.SelfPrintedCoin;
import org.ppay.core.wire.SelfPrintedCoinEncoder;
import org.ppay.core.wire.WireFormat;

/**
 * Builds and signs the protocol's messages with the wire package's encoders. Each message is a fresh array, the one
 * allocation per message (the encoders and the buffer views over the arrays are reused): the message is handed to
 * the caller to send or keep. Not thread-safe (the encoders are flyweights); one per role, or one per thread.
 */
public final class MessageWriter {

    private final SignatureSuite suite;
    private final int signatureLength;
    private final UnsafeBuffer source = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer target = new UnsafeBuffer(new byte[0]);
    private final RawCoinEncoder rawCoin;
    private final LimitCertificateEncoder certificate;
    private final SelfPrintedCoinEncoder selfPrinted;
    private final AssignmentEncoder assignment;
    private final ReassignmentRequestEncoder reassignment;
    private final LayeredCoinEncoder layer;
    private final RenewalRequestEncoder renewal;
    private final CashRequestEncoder cash;
    private final PaywordCommitmentEncoder payword;
    private final LotteryTicketEncoder ticket;

    public MessageWriter(SignatureSuite suite) {
        this.suite = suite;
        this.signatureLength = suite.signatureLength();
        // the roles enforce Max Layers; the writer only writes
        final WireFormat format = new WireFormat(signatureLength, WireFormat.MAX_LAYERS_LIMIT);
        this.rawCoin = new RawCoinEncoder(format);
        this.certificate = new LimitCertificateEncoder(format);
        this.selfPrinted = new SelfPrintedCoinEncoder(format);
        this.assignment = new AssignmentEncoder(format);
        this.reassignment = new ReassignmentRequestEncoder(format);
        this.layer = new LayeredCoinEncoder(format);
        this.renewal = new RenewalRequestEncoder(format);
        this.cash = new CashRequestEncoder(format);
        this.payword = new PaywordCommitmentEncoder(format);
        this.ticket = new LotteryTicketEncoder(format);
    }

    public int signatureLength() {
        return signatureLength;
    }

    /** (1) {U, sn}_SKB. */
    public byte[] rawCoin(PeerKeys broker, long owner, long serial) {
        final UnsafeBuffer out = out(RawCoin.SIGNATURE_OFFSET);
        return sign(broker, rawCoin.wrap(out, 0).owner(owner).serial(serial));
    }

    /** (6) {U, lim_l, lim_u}_SKB. */
    public byte[] limitCertificate(PeerKeys broker, long owner, long serialLow, long serialHigh) {
        final UnsafeBuffer out = out(LimitCertificate.SIGNATURE_OFFSET);
        return sign(broker, certificate.wrap(out, 0).owner(owner).serialLow(serialLow).serialHigh(serialHigh));
    }

    /** (7) {sn, L}_SKU. */
    public byte[] selfPrintedCoin(PeerKeys owner, long serial, byte[] limitCertificate) {
        final UnsafeBuffer out = out(SelfPrintedCoin.CERTIFICATE_OFFSET + limitCertificate.length);
        return sign(owner, selfPrinted.wrap(out, 0).serial(serial)
                .limitCertificate(view(limitCertificate), 0, limitCertificate.length));
    }

    /** (2)/(4)/(9)/(11), or (5) when {@code byBroker}: {V, seq, ts, r_b, r_e, C}. */
    public byte[] assignment(PeerKeys signer, boolean byBroker, long holder, long seq, long timestampSeconds,
            long renewalBeginSeconds, long renewalEndSeconds, byte[] coin, int coinOffset, int coinLength) {
        final UnsafeBuffer out = out(Assignment.COIN_OFFSET + coinLength);
        final AssignmentEncoder a = byBroker ? assignment.wrapBrokerAssignment(out, 0) : assignment.wrap(out, 0);
        return sign(signer, a.holder(holder).seq(seq).timestampSeconds(timestampSeconds)
                .renewalBeginSeconds(renewalBeginSeconds).renewalEndSeconds(renewalEndSeconds)
                .coin(view(coin), coinOffset, coinLength));
    }

    /** (3) {X, A_UV}_SKV. */
    public byte[] reassignmentRequest(PeerKeys holder, long newHolder, byte[] assigned, int offset, int length) {
        final UnsafeBuffer out = out(ReassignmentRequest.ASSIGNMENT_OFFSET + length);
        return sign(holder, reassignment.wrap(out, 0).newHolder(newHolder).assignment(view(assigned), offset,
                length));
    }

    /** (8) {X, V, seq_n, inner}_SKV. */
    public byte[] layer(PeerKeys from, long to, long seq, byte[] inner, int offset, int length) {
        final UnsafeBuffer out = out(LayeredCoin.INNER_OFFSET + length);
        return sign(from, layer.wrap(out, 0).to(to).from(from.peerId()).seq(seq).inner(view(inner), offset, length));
    }

    /** (10) {A_UV}_SKV. */
    public byte[] renewalRequest(PeerKeys holder, byte[] assigned, int offset, int length) {
        final UnsafeBuffer out = out(RenewalRequest.ASSIGNMENT_OFFSET + length);
        return sign(holder, renewal.wrap(out, 0).assignment(view(assigned), offset, length));
    }

    /** {holder, ts, instrument}_SKV. */
    public byte[] cashRequest(PeerKeys holder, long timestampSeconds, byte[] instrument, int offset, int length) {
        final UnsafeBuffer out = out(CashRequest.INSTRUMENT_OFFSET + length);
        return sign(holder, cash.wrap(out, 0).holder(holder.peerId()).timestampSeconds(timestampSeconds)
                .instrument(view(instrument), offset, length));
    }

    /** {payer, vendor, w0, n, expiry}_SKpayer. */
    public byte[] paywordCommitment(PeerKeys payer, long vendor, byte[] root, long chainLength, long expirySeconds) {
        if (root.length != PaywordCommitment.ROOT_LENGTH) {
            throw new IllegalArgumentException("a Payword root is 32 bytes, not " + root.length);
        }
        final UnsafeBuffer out = out(PaywordCommitment.SIGNATURE_OFFSET);
        return sign(payer, payword.wrap(out, 0).payer(payer.peerId()).vendor(vendor).root(root, 0)
                .chainLength(chainLength).expirySeconds(expirySeconds));
    }

    /** {payer, payee, serial, ts}_SKpayer. */
    public byte[] lotteryTicket(PeerKeys payer, long payee, long serial, long timestampSeconds) {
        final UnsafeBuffer out = out(LotteryTicket.SIGNATURE_OFFSET);
        return sign(payer, ticket.wrap(out, 0).payer(payer.peerId()).payee(payee).serial(serial)
                .timestampSeconds(timestampSeconds));
    }

    private UnsafeBuffer out(int signedLength) {
        target.wrap(new byte[signedLength + signatureLength]);
        return target;
    }

    private UnsafeBuffer view(byte[] bytes) {
        source.wrap(bytes);
        return source;
    }

    private byte[] sign(PeerKeys signer, MessageEncoder message) {
        if (message.encodedLength() != message.buffer().capacity()) {
            throw new IllegalStateException(message.type() + " encoded to " + message.encodedLength()
                    + " bytes, expected " + message.buffer().capacity());
        }
        MessageSignatures.sign(suite, signer.privateKey(), message);
        return message.buffer().byteArray();
    }
}
