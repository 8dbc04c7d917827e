package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link LotteryTicket} in place. */
public final class LotteryTicketDecoder extends MessageDecoder {

    public LotteryTicketDecoder(WireFormat format) {
        super(format, LotteryTicket.TYPE.bit());
    }

    /** Validates exactly {@code length} bytes as a lottery ticket, then wraps them. */
    public LotteryTicketDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long payer() {
        return longAt(LotteryTicket.PAYER_OFFSET);
    }

    public long payee() {
        return longAt(LotteryTicket.PAYEE_OFFSET);
    }

    public long serial() {
        return longAt(LotteryTicket.SERIAL_OFFSET);
    }

    public long timestampSeconds() {
        return unsignedIntAt(LotteryTicket.TIMESTAMP_OFFSET);
    }
}
