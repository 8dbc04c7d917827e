package org.ppay.core.coin;

/**
 * Field offsets of the messages the roles read, as fixed by the project's wire format (org.ppay.core.wire documents
 * each layout with its diagram). Little-endian; every message is [type:1][version:1] then its fields, the signature
 * last. Kept in one place so the roles switch to the wire package's own descriptors in one edit.
 */
final class Layout {

    static final int VERSION = 1;
    static final int HEADER = 2;

    static final int RAW_COIN = 0x01;
    static final int LIMIT_CERTIFICATE = 0x02;
    static final int SELF_PRINTED_COIN = 0x03;
    static final int ASSIGNMENT = 0x04;
    static final int BROKER_ASSIGNMENT = 0x05;
    static final int REASSIGNMENT_REQUEST = 0x06;
    static final int LAYERED_COIN = 0x07;
    static final int RENEWAL_REQUEST = 0x08;
    static final int CASH_REQUEST = 0x09;
    static final int PAYWORD_COMMITMENT = 0x0A;
    static final int LOTTERY_TICKET = 0x0B;

    // RAW_COIN: owner:8 serial:8 brokerSig:S
    static final int RAW_OWNER = HEADER;
    static final int RAW_SERIAL = RAW_OWNER + 8;
    static final int RAW_FIXED = RAW_SERIAL + 8;
    // LIMIT_CERTIFICATE: owner:8 serialLow:8 serialHigh:8 brokerSig:S
    static final int CERT_OWNER = HEADER;
    static final int CERT_LOW = CERT_OWNER + 8;
    static final int CERT_HIGH = CERT_LOW + 8;
    static final int CERT_FIXED = CERT_HIGH + 8;
    // SELF_PRINTED_COIN: serial:8 certificate ownerSig:S
    static final int SELF_SERIAL = HEADER;
    static final int SELF_CERT = SELF_SERIAL + 8;
    // ASSIGNMENT / BROKER_ASSIGNMENT: holder:8 seq:4 timestamp:4 renewalBegin:4 renewalEnd:4 coin sig:S
    static final int ASSIGN_HOLDER = HEADER;
    static final int ASSIGN_SEQ = ASSIGN_HOLDER + 8;
    static final int ASSIGN_TIMESTAMP = ASSIGN_SEQ + 4;
    static final int ASSIGN_BEGIN = ASSIGN_TIMESTAMP + 4;
    static final int ASSIGN_END = ASSIGN_BEGIN + 4;
    static final int ASSIGN_COIN = ASSIGN_END + 4;
    // REASSIGNMENT_REQUEST: newHolder:8 assignment holderSig:S
    static final int REQUEST_NEW_HOLDER = HEADER;
    static final int REQUEST_ASSIGNMENT = REQUEST_NEW_HOLDER + 8;
    // LAYERED_COIN: to:8 from:8 seq:4 inner fromSig:S
    static final int LAYER_TO = HEADER;
    static final int LAYER_FROM = LAYER_TO + 8;
    static final int LAYER_SEQ = LAYER_FROM + 8;
    static final int LAYER_INNER = LAYER_SEQ + 4;
    // RENEWAL_REQUEST: assignment holderSig:S
    static final int RENEWAL_ASSIGNMENT = HEADER;
    // CASH_REQUEST: holder:8 timestamp:4 instrument holderSig:S
    static final int CASH_HOLDER = HEADER;
    static final int CASH_TIMESTAMP = CASH_HOLDER + 8;
    static final int CASH_INSTRUMENT = CASH_TIMESTAMP + 4;
    // PAYWORD_COMMITMENT: payer:8 vendor:8 root:32 chainLength:4 expiry:4 payerSig:S
    static final int PAYWORD_PAYER = HEADER;
    static final int PAYWORD_VENDOR = PAYWORD_PAYER + 8;
    static final int PAYWORD_ROOT = PAYWORD_VENDOR + 8;
    static final int PAYWORD_LENGTH = PAYWORD_ROOT + 32;
    static final int PAYWORD_EXPIRY = PAYWORD_LENGTH + 4;
    static final int PAYWORD_FIXED = PAYWORD_EXPIRY + 4;
    // LOTTERY_TICKET: payer:8 payee:8 serial:8 timestamp:4 payerSig:S
    static final int TICKET_PAYER = HEADER;
    static final int TICKET_PAYEE = TICKET_PAYER + 8;
    static final int TICKET_SERIAL = TICKET_PAYEE + 8;
    static final int TICKET_TIMESTAMP = TICKET_SERIAL + 8;
    static final int TICKET_FIXED = TICKET_TIMESTAMP + 4;

    private Layout() {
    }
}
