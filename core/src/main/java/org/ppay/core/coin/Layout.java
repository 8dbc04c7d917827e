package org.ppay.core.coin;

import org.ppay.core.wire.Assignment;
import org.ppay.core.wire.CashRequest;
import org.ppay.core.wire.LayeredCoin;
import org.ppay.core.wire.LimitCertificate;
import org.ppay.core.wire.LotteryTicket;
import org.ppay.core.wire.MessageHeader;
import org.ppay.core.wire.MessageType;
import org.ppay.core.wire.PaywordCommitment;
import org.ppay.core.wire.RawCoin;
import org.ppay.core.wire.ReassignmentRequest;
import org.ppay.core.wire.RenewalRequest;
import org.ppay.core.wire.SelfPrintedCoin;

/** The wire package's field offsets and type codes, under the short names the role code reads them by. */
final class Layout {

    static final int VERSION = MessageHeader.VERSION;
    static final int HEADER = MessageHeader.ENCODED_LENGTH;

    static final int RAW_COIN = MessageType.RAW_COIN.code();
    static final int LIMIT_CERTIFICATE = MessageType.LIMIT_CERTIFICATE.code();
    static final int SELF_PRINTED_COIN = MessageType.SELF_PRINTED_COIN.code();
    static final int ASSIGNMENT = MessageType.ASSIGNMENT.code();
    static final int BROKER_ASSIGNMENT = MessageType.BROKER_ASSIGNMENT.code();
    static final int REASSIGNMENT_REQUEST = MessageType.REASSIGNMENT_REQUEST.code();
    static final int LAYERED_COIN = MessageType.LAYERED_COIN.code();
    static final int RENEWAL_REQUEST = MessageType.RENEWAL_REQUEST.code();
    static final int CASH_REQUEST = MessageType.CASH_REQUEST.code();
    static final int PAYWORD_COMMITMENT = MessageType.PAYWORD_COMMITMENT.code();
    static final int LOTTERY_TICKET = MessageType.LOTTERY_TICKET.code();

    static final int RAW_OWNER = RawCoin.OWNER_OFFSET;
    static final int RAW_SERIAL = RawCoin.SERIAL_OFFSET;
    static final int RAW_FIXED = RawCoin.SIGNATURE_OFFSET;
    static final int CERT_OWNER = LimitCertificate.OWNER_OFFSET;
    static final int CERT_LOW = LimitCertificate.SERIAL_LOW_OFFSET;
    static final int CERT_HIGH = LimitCertificate.SERIAL_HIGH_OFFSET;
    static final int CERT_FIXED = LimitCertificate.SIGNATURE_OFFSET;
    static final int SELF_SERIAL = SelfPrintedCoin.SERIAL_OFFSET;
    static final int SELF_CERT = SelfPrintedCoin.CERTIFICATE_OFFSET;
    static final int ASSIGN_HOLDER = Assignment.HOLDER_OFFSET;
    static final int ASSIGN_SEQ = Assignment.SEQ_OFFSET;
    static final int ASSIGN_TIMESTAMP = Assignment.TIMESTAMP_OFFSET;
    static final int ASSIGN_BEGIN = Assignment.RENEWAL_BEGIN_OFFSET;
    static final int ASSIGN_END = Assignment.RENEWAL_END_OFFSET;
    static final int ASSIGN_COIN = Assignment.COIN_OFFSET;
    static final int REQUEST_NEW_HOLDER = ReassignmentRequest.NEW_HOLDER_OFFSET;
    static final int REQUEST_ASSIGNMENT = ReassignmentRequest.ASSIGNMENT_OFFSET;
    static final int LAYER_TO = LayeredCoin.TO_OFFSET;
    static final int LAYER_FROM = LayeredCoin.FROM_OFFSET;
    static final int LAYER_SEQ = LayeredCoin.SEQ_OFFSET;
    static final int LAYER_INNER = LayeredCoin.INNER_OFFSET;
    static final int RENEWAL_ASSIGNMENT = RenewalRequest.ASSIGNMENT_OFFSET;
    static final int CASH_HOLDER = CashRequest.HOLDER_OFFSET;
    static final int CASH_TIMESTAMP = CashRequest.TIMESTAMP_OFFSET;
    static final int CASH_INSTRUMENT = CashRequest.INSTRUMENT_OFFSET;
    static final int PAYWORD_PAYER = PaywordCommitment.PAYER_OFFSET;
    static final int PAYWORD_VENDOR = PaywordCommitment.VENDOR_OFFSET;
    static final int PAYWORD_ROOT = PaywordCommitment.ROOT_OFFSET;
    static final int PAYWORD_LENGTH = PaywordCommitment.CHAIN_LENGTH_OFFSET;
    static final int PAYWORD_EXPIRY = PaywordCommitment.EXPIRY_OFFSET;
    static final int PAYWORD_FIXED = PaywordCommitment.SIGNATURE_OFFSET;
    static final int TICKET_PAYER = LotteryTicket.PAYER_OFFSET;
    static final int TICKET_PAYEE = LotteryTicket.PAYEE_OFFSET;
    static final int TICKET_SERIAL = LotteryTicket.SERIAL_OFFSET;
    static final int TICKET_TIMESTAMP = LotteryTicket.TIMESTAMP_OFFSET;
    static final int TICKET_FIXED = LotteryTicket.SIGNATURE_OFFSET;

    private Layout() {
    }
}
