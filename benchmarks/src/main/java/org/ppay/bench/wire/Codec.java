package org.ppay.bench.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.bench.Inputs;
import org.ppay.core.wire.AssignmentDecoder;
import org.ppay.core.wire.AssignmentEncoder;
import org.ppay.core.wire.CashRequestDecoder;
import org.ppay.core.wire.CashRequestEncoder;
import org.ppay.core.wire.LayeredCoinDecoder;
import org.ppay.core.wire.LayeredCoinEncoder;
import org.ppay.core.wire.LimitCertificateDecoder;
import org.ppay.core.wire.LimitCertificateEncoder;
import org.ppay.core.wire.LotteryTicketDecoder;
import org.ppay.core.wire.LotteryTicketEncoder;
import org.ppay.core.wire.MessageType;
import org.ppay.core.wire.PaywordCommitmentDecoder;
import org.ppay.core.wire.PaywordCommitmentEncoder;
import org.ppay.core.wire.RawCoinDecoder;
import org.ppay.core.wire.RawCoinEncoder;
import org.ppay.core.wire.ReassignmentRequestDecoder;
import org.ppay.core.wire.ReassignmentRequestEncoder;
import org.ppay.core.wire.RenewalRequestDecoder;
import org.ppay.core.wire.RenewalRequestEncoder;
import org.ppay.core.wire.SelfPrintedCoinDecoder;
import org.ppay.core.wire.SelfPrintedCoinEncoder;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireMessages;

/**
 * Encodes and decodes one message type with the core's flyweights. Embedded messages (a limit certificate, a coin,
 * an assignment) are encoded once up front and copied in, as a sender copies what it received. Every field value
 * derives from the input index {@code i}, so the checksum of the decoded fields can be checked against it.
 */
final class Codec {

    private static final long OWNER = 0x1111_2222_3333_4444L;
    private static final long HOLDER = 0x5555_6666_7777_8888L;
    private static final long NEXT_HOLDER = 0x0123_4567_89AB_CDEFL;

    private final WireFormat format;
    private final MessageType type;
    private final byte[] signature;
    private final byte[] root = new byte[32];
    private final UnsafeBuffer output;
    private final UnsafeBuffer assignment;
    private final UnsafeBuffer coin;
    private final UnsafeBuffer certificate;

    private final RawCoinEncoder rawCoinEncoder;
    private final LimitCertificateEncoder certificateEncoder;
    private final SelfPrintedCoinEncoder coinEncoder;
    private final AssignmentEncoder assignmentEncoder;
    private final ReassignmentRequestEncoder reassignmentEncoder;
    private final LayeredCoinEncoder layeredEncoder;
    private final RenewalRequestEncoder renewalEncoder;
    private final CashRequestEncoder cashEncoder;
    private final PaywordCommitmentEncoder commitmentEncoder;
    private final LotteryTicketEncoder ticketEncoder;

    private final RawCoinDecoder rawCoinDecoder;
    private final LimitCertificateDecoder certificateDecoder;
    private final SelfPrintedCoinDecoder coinDecoder;
    private final AssignmentDecoder assignmentDecoder;
    private final ReassignmentRequestDecoder reassignmentDecoder;
    private final LayeredCoinDecoder layeredDecoder;
    private final RenewalRequestDecoder renewalDecoder;
    private final CashRequestDecoder cashDecoder;
    private final PaywordCommitmentDecoder commitmentDecoder;
    private final LotteryTicketDecoder ticketDecoder;

    Codec(WireFormat format, MessageType type) {
        this.format = format;
        this.type = type;
        this.signature = Inputs.randomMessages(6, format.signatureLength())[0];
        rawCoinEncoder = new RawCoinEncoder(format);
        certificateEncoder = new LimitCertificateEncoder(format);
        coinEncoder = new SelfPrintedCoinEncoder(format);
        assignmentEncoder = new AssignmentEncoder(format);
        reassignmentEncoder = new ReassignmentRequestEncoder(format);
        layeredEncoder = new LayeredCoinEncoder(format);
        renewalEncoder = new RenewalRequestEncoder(format);
        cashEncoder = new CashRequestEncoder(format);
        commitmentEncoder = new PaywordCommitmentEncoder(format);
        ticketEncoder = new LotteryTicketEncoder(format);
        rawCoinDecoder = new RawCoinDecoder(format);
        certificateDecoder = new LimitCertificateDecoder(format);
        coinDecoder = new SelfPrintedCoinDecoder(format);
        assignmentDecoder = new AssignmentDecoder(format);
        reassignmentDecoder = new ReassignmentRequestDecoder(format);
        layeredDecoder = new LayeredCoinDecoder(format);
        renewalDecoder = new RenewalRequestDecoder(format);
        cashDecoder = new CashRequestDecoder(format);
        commitmentDecoder = new PaywordCommitmentDecoder(format);
        ticketDecoder = new LotteryTicketDecoder(format);

        certificate = new UnsafeBuffer(new byte[1024]);
        certificateEncoder.wrap(certificate, 0).owner(OWNER).serialLow(1000).serialHigh(2000);
        certificateEncoder.putSignature(signature, 0);
        certificate.wrap(certificate.byteArray(), 0, certificateEncoder.encodedLength());
        coin = new UnsafeBuffer(new byte[1024]);
        coinEncoder.wrap(coin, 0).serial(1500).limitCertificate(certificate, 0, certificate.capacity());
        coinEncoder.putSignature(signature, 0);
        coin.wrap(coin.byteArray(), 0, coinEncoder.encodedLength());
        assignment = new UnsafeBuffer(new byte[2048]);
        assignmentEncoder.wrap(assignment, 0).holder(HOLDER).seq(7).timestampSeconds(1_000_000)
                .renewalBeginSeconds(1_000_000).renewalEndSeconds(2_000_000).coin(coin, 0, coin.capacity());
        assignmentEncoder.putSignature(signature, 0);
        assignment.wrap(assignment.byteArray(), 0, assignmentEncoder.encodedLength());
        output = new UnsafeBuffer(new byte[maxLength()]);
        if (WireMessages.validate(format, assignment, 0, assignment.capacity()) != MessageType.ASSIGNMENT) {
            throw new IllegalStateException("the embedded assignment does not validate");
        }
    }

    /** Room for any message of this benchmark. */
    int maxLength() {
        return 4096;
    }

    UnsafeBuffer output() {
        return output;
    }

    /** Encodes message {@code i} at offset 0; returns its length. */
    int encode(MutableDirectBuffer buffer, int i) {
        switch (type) {
            case RAW_COIN -> {
                rawCoinEncoder.wrap(buffer, 0).owner(OWNER).serial(i);
                rawCoinEncoder.putSignature(signature, 0);
                return rawCoinEncoder.encodedLength();
            }
            case LIMIT_CERTIFICATE -> {
                certificateEncoder.wrap(buffer, 0).owner(OWNER).serialLow(i).serialHigh(i + 1000L);
                certificateEncoder.putSignature(signature, 0);
                return certificateEncoder.encodedLength();
            }
            case SELF_PRINTED_COIN -> {
                coinEncoder.wrap(buffer, 0).serial(i).limitCertificate(certificate, 0, certificate.capacity());
                coinEncoder.putSignature(signature, 0);
                return coinEncoder.encodedLength();
            }
            case ASSIGNMENT, BROKER_ASSIGNMENT -> {
                AssignmentEncoder e = type == MessageType.ASSIGNMENT ? assignmentEncoder.wrap(buffer, 0)
                        : assignmentEncoder.wrapBrokerAssignment(buffer, 0);
                e.holder(HOLDER).seq(i & 0xFFFF).timestampSeconds(i).renewalBeginSeconds(i)
                        .renewalEndSeconds(i + 1000L).coin(coin, 0, coin.capacity());
                e.putSignature(signature, 0);
                return e.encodedLength();
            }
            case REASSIGNMENT_REQUEST -> {
                reassignmentEncoder.wrap(buffer, 0).newHolder(i).assignment(assignment, 0, assignment.capacity());
                reassignmentEncoder.putSignature(signature, 0);
                return reassignmentEncoder.encodedLength();
            }
            case LAYERED_COIN -> {
                layeredEncoder.wrap(buffer, 0).to(NEXT_HOLDER).from(HOLDER).seq(i & 0xFFFF)
                        .inner(assignment, 0, assignment.capacity());
                layeredEncoder.putSignature(signature, 0);
                return layeredEncoder.encodedLength();
            }
            case RENEWAL_REQUEST -> {
                renewalEncoder.wrap(buffer, 0).assignment(assignment, 0, assignment.capacity());
                renewalEncoder.putSignature(signature, 0);
                return renewalEncoder.encodedLength();
            }
            case CASH_REQUEST -> {
                cashEncoder.wrap(buffer, 0).holder(HOLDER).timestampSeconds(i)
                        .instrument(assignment, 0, assignment.capacity());
                cashEncoder.putSignature(signature, 0);
                return cashEncoder.encodedLength();
            }
            case PAYWORD_COMMITMENT -> {
                commitmentEncoder.wrap(buffer, 0).payer(OWNER).vendor(HOLDER).root(root, 0).chainLength(i)
                        .expirySeconds(i + 1000L);
                commitmentEncoder.putSignature(signature, 0);
                return commitmentEncoder.encodedLength();
            }
            case LOTTERY_TICKET -> {
                ticketEncoder.wrap(buffer, 0).payer(OWNER).payee(HOLDER).serial(i).timestampSeconds(i);
                ticketEncoder.putSignature(signature, 0);
                return ticketEncoder.encodedLength();
            }
            default -> throw new IllegalStateException("no codec for " + type);
        }
    }

    /** Decodes a message of {@code length} bytes at offset 0 and sums the fields that vary with the input index. */
    long decode(DirectBuffer buffer, int length) {
        return switch (type) {
            case RAW_COIN -> rawCoinDecoder.wrap(buffer, 0, length).serial() + rawCoinDecoder.owner();
            case LIMIT_CERTIFICATE -> {
                LimitCertificateDecoder d = certificateDecoder.wrap(buffer, 0, length);
                yield d.serialLow() + d.serialHigh() + d.owner();
            }
            case SELF_PRINTED_COIN -> {
                SelfPrintedCoinDecoder d = coinDecoder.wrap(buffer, 0, length);
                yield d.serial() + d.owner();
            }
            case ASSIGNMENT, BROKER_ASSIGNMENT -> {
                AssignmentDecoder d = assignmentDecoder.wrap(buffer, 0, length);
                yield d.seq() + d.timestampSeconds() + d.renewalBeginSeconds() + d.renewalEndSeconds() + d.holder()
                        + d.coinSerial() + d.coinOwner();
            }
            case REASSIGNMENT_REQUEST -> {
                ReassignmentRequestDecoder d = reassignmentDecoder.wrap(buffer, 0, length);
                yield d.newHolder() + d.assignment().seq();
            }
            case LAYERED_COIN -> {
                LayeredCoinDecoder d = layeredDecoder.wrap(buffer, 0, length);
                yield d.seq() + d.to() + d.from() + d.innermostAssignment().seq();
            }
            case RENEWAL_REQUEST -> renewalDecoder.wrap(buffer, 0, length).assignment().seq();
            case CASH_REQUEST -> {
                CashRequestDecoder d = cashDecoder.wrap(buffer, 0, length);
                yield d.holder() + d.timestampSeconds() + d.assignment().seq();
            }
            case PAYWORD_COMMITMENT -> {
                PaywordCommitmentDecoder d = commitmentDecoder.wrap(buffer, 0, length);
                yield d.payer() + d.vendor() + d.chainLength() + d.expirySeconds();
            }
            case LOTTERY_TICKET -> {
                LotteryTicketDecoder d = ticketDecoder.wrap(buffer, 0, length);
                yield d.payer() + d.payee() + d.serial() + d.timestampSeconds();
            }
        };
    }

    /** What {@link #decode} returns for message {@code i} as {@link #encode} wrote it. */
    long expectedChecksum(int i) {
        return switch (type) {
            case RAW_COIN -> i + OWNER;
            case LIMIT_CERTIFICATE -> i + (i + 1000L) + OWNER;
            case SELF_PRINTED_COIN -> i + OWNER;
            case ASSIGNMENT, BROKER_ASSIGNMENT -> (i & 0xFFFF) + i + i + (i + 1000L) + HOLDER + 1500 + OWNER;
            case REASSIGNMENT_REQUEST -> i + 7;
            case LAYERED_COIN -> (i & 0xFFFF) + NEXT_HOLDER + HOLDER + 7;
            case RENEWAL_REQUEST -> 7;
            case CASH_REQUEST -> HOLDER + i + 7;
            case PAYWORD_COMMITMENT -> OWNER + HOLDER + i + (i + 1000L);
            case LOTTERY_TICKET -> OWNER + HOLDER + i + i;
        };
    }
}
