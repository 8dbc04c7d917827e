package org.ppay.core.broker;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ppay.core.fraud.Evidence;

/**
 * The bytes of a {@link LedgerEvent} inside a journal record: a 1-byte type, then the fields in order, little-endian;
 * a byte array or string is a 4-byte length and its bytes, an absent one the length -1.
 */
final class LedgerCodec {

    private static final byte STARTED = 1;
    private static final byte ACCOUNT_OPENED = 2;
    private static final byte SERIALS_SOLD = 3;
    private static final byte LEAVE_REQUESTED = 4;
    private static final byte ACCOUNT_CLOSED = 5;
    private static final byte CLAIMED = 6;
    private static final byte DOWNTIME_SERVED = 7;
    private static final byte STORED_ACKNOWLEDGED = 8;
    private static final byte CONVICTED = 9;
    private static final byte PAYWORD_REDEEMED = 10;
    private static final byte TICKET_REDEEMED = 11;

    private LedgerCodec() {
    }

    /** An upper bound of the encoded length, to size the buffer before {@link #encode}. */
    static int maxLength(LedgerEvent event) {
        if (event instanceof LedgerEvent.AccountOpened e) {
            return 32 + e.publicKey().length;
        } else if (event instanceof LedgerEvent.Claimed e) {
            return 64 + e.request().length + evidenceLength(e.evidence());
        } else if (event instanceof LedgerEvent.DowntimeServed e) {
            return 64 + e.request().length + e.assignment().length;
        } else if (event instanceof LedgerEvent.StoredAcknowledged e) {
            int length = 16;
            for (byte[] request : e.requests()) {
                length += 4 + request.length;
            }
            return length;
        } else if (event instanceof LedgerEvent.Convicted e) {
            return 8 + evidenceLength(e.evidence());
        } else if (event instanceof LedgerEvent.PaywordRedeemed e) {
            return 52 + 3 * e.chain().length() + e.word().length;
        } else if (event instanceof LedgerEvent.TicketRedeemed e) {
            return 48 + 3 * e.ticket().length();
        }
        return 80;
    }

    static void encode(LedgerEvent event, ByteBuffer out) {
        if (event instanceof LedgerEvent.Started e) {
            out.put(STARTED).putLong(e.brokerId());
            final Tariff t = e.tariff();
            out.putLong(t.coinValueCents()).putLong(t.cashFeeCents()).putInt(t.downtimeFeePercent())
                    .putLong(t.penaltyCents()).putLong(t.minimumDepositCents()).putLong(t.paywordUnitCents())
                    .putLong(t.recallSeconds());
        } else if (event instanceof LedgerEvent.AccountOpened e) {
            out.put(ACCOUNT_OPENED).putLong(e.peerId()).putLong(e.depositCents());
            putBytes(out, e.publicKey());
        } else if (event instanceof LedgerEvent.SerialsSold e) {
            out.put(SERIALS_SOLD).putLong(e.owner()).putLong(e.first()).putInt(e.count());
        } else if (event instanceof LedgerEvent.LeaveRequested e) {
            out.put(LEAVE_REQUESTED).putLong(e.peerId()).putLong(e.recallDeadlineSeconds());
        } else if (event instanceof LedgerEvent.AccountClosed e) {
            out.put(ACCOUNT_CLOSED).putLong(e.peerId()).putLong(e.refundCents());
        } else if (event instanceof LedgerEvent.Claimed e) {
            out.put(CLAIMED).putLong(e.owner()).putLong(e.serial()).putLong(e.claimant());
            putBytes(out, e.request());
            putEvidence(out, e.evidence());
        } else if (event instanceof LedgerEvent.DowntimeServed e) {
            out.put(DOWNTIME_SERVED).putLong(e.owner()).putLong(e.serial()).putLong(e.holder())
                    .putLong(e.feeCents());
            putBytes(out, e.request());
            putBytes(out, e.assignment());
        } else if (event instanceof LedgerEvent.StoredAcknowledged e) {
            out.put(STORED_ACKNOWLEDGED).putLong(e.owner()).putInt(e.requests().size());
            for (byte[] request : e.requests()) {
                putBytes(out, request);
            }
        } else if (event instanceof LedgerEvent.Convicted e) {
            out.put(CONVICTED);
            putEvidence(out, e.evidence());
        } else if (event instanceof LedgerEvent.PaywordRedeemed e) {
            out.put(PAYWORD_REDEEMED).putLong(e.payer()).putLong(e.vendor()).putInt(e.index()).putLong(e.cents());
            putBytes(out, e.chain().getBytes(StandardCharsets.UTF_8));
            putBytes(out, e.word());
        } else if (event instanceof LedgerEvent.TicketRedeemed e) {
            out.put(TICKET_REDEEMED).putLong(e.payer()).putLong(e.payee()).putLong(e.cents());
            putBytes(out, e.ticket().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("no encoding for " + event);
        }
    }

    /**
     * Reads one event filling {@code in} exactly; throws {@link IllegalArgumentException} naming what is wrong
     * when the bytes are not an event.
     */
    static LedgerEvent decode(ByteBuffer in) {
        try {
            final LedgerEvent event = decodeFields(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the event's last field");
            }
            return event;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the event ends before its last field", e);
        }
    }

    private static LedgerEvent decodeFields(ByteBuffer in) {
        final byte type = in.get();
        switch (type) {
            case STARTED:
                return new LedgerEvent.Started(in.getLong(), new Tariff(in.getLong(), in.getLong(), in.getInt(),
                        in.getLong(), in.getLong(), in.getLong(), in.getLong()));
            case ACCOUNT_OPENED: {
                final long peer = in.getLong();
                final long deposit = in.getLong();
                return new LedgerEvent.AccountOpened(peer, bytes(in), deposit);
            }
            case SERIALS_SOLD:
                return new LedgerEvent.SerialsSold(in.getLong(), in.getLong(), in.getInt());
            case LEAVE_REQUESTED:
                return new LedgerEvent.LeaveRequested(in.getLong(), in.getLong());
            case ACCOUNT_CLOSED:
                return new LedgerEvent.AccountClosed(in.getLong(), in.getLong());
            case CLAIMED:
                return new LedgerEvent.Claimed(in.getLong(), in.getLong(), in.getLong(), bytes(in), evidence(in));
            case DOWNTIME_SERVED: {
                final long owner = in.getLong();
                final long serial = in.getLong();
                final long holder = in.getLong();
                final long fee = in.getLong();
                return new LedgerEvent.DowntimeServed(owner, serial, holder, bytes(in), bytes(in), fee);
            }
            case STORED_ACKNOWLEDGED: {
                final long owner = in.getLong();
                final int count = in.getInt();
                if (count < 0 || count > in.remaining() / 4) {
                    throw new IllegalArgumentException("stored request count " + count + " does not fit the record");
                }
                final List<byte[]> requests = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    requests.add(bytes(in));
                }
                return new LedgerEvent.StoredAcknowledged(owner, requests);
            }
            case CONVICTED:
                return new LedgerEvent.Convicted(evidence(in));
            case PAYWORD_REDEEMED: {
                final long payer = in.getLong();
                final long vendor = in.getLong();
                final int index = in.getInt();
                final long cents = in.getLong();
                final String chain = string(in);
                return new LedgerEvent.PaywordRedeemed(chain, payer, vendor, index, bytes(in), cents);
            }
            case TICKET_REDEEMED: {
                final long payer = in.getLong();
                final long payee = in.getLong();
                final long cents = in.getLong();
                return new LedgerEvent.TicketRedeemed(string(in), payer, payee, cents);
            }
            default:
                throw new IllegalArgumentException("unknown event type " + type);
        }
    }

    private static int evidenceLength(Evidence evidence) {
        if (evidence == null) {
            return 1;
        }
        final byte[] attestation = evidence.brokerAttestation();
        return 40 + evidence.first().length + evidence.second().length
                + (attestation == null ? 0 : attestation.length);
    }

    private static void putEvidence(ByteBuffer out, Evidence evidence) {
        if (evidence == null) {
            out.put((byte) -1);
            return;
        }
        out.put((byte) evidence.kind().ordinal()).putLong(evidence.culprit()).putLong(evidence.owner())
                .putLong(evidence.serial());
        putBytes(out, evidence.first());
        putBytes(out, evidence.second());
        putBytes(out, evidence.brokerAttestation());
    }

    private static Evidence evidence(ByteBuffer in) {
        final byte kind = in.get();
        if (kind == -1) {
            return null;
        }
        if (kind < 0 || kind >= Evidence.Kind.values().length) {
            throw new IllegalArgumentException("unknown evidence kind " + kind);
        }
        final long culprit = in.getLong();
        final long owner = in.getLong();
        final long serial = in.getLong();
        final byte[] first = bytes(in);
        final byte[] second = bytes(in);
        final byte[] attestation = nullableBytes(in);
        if (first == null || second == null) {
            throw new IllegalArgumentException("evidence without its two messages");
        }
        return new Evidence(Evidence.Kind.values()[kind], culprit, owner, serial, first, second, attestation);
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        final byte[] bytes = nullableBytes(in);
        if (bytes == null) {
            throw new IllegalArgumentException("a required byte field is absent");
        }
        return bytes;
    }

    private static byte[] nullableBytes(ByteBuffer in) {
        final int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a field of " + length + " bytes in " + in.remaining() + " left");
        }
        final byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }
}
