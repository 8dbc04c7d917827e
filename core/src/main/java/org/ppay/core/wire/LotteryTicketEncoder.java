package org.ppay.core.wire;

import org.agrona.MutableDirectBuffer;

/** Writes a {@link LotteryTicket} in place. */
public final class LotteryTicketEncoder extends MessageEncoder {

    public LotteryTicketEncoder(WireFormat format) {
        super(format);
    }

    public LotteryTicketEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, LotteryTicket.TYPE);
        return this;
    }

    public LotteryTicketEncoder payer(long payer) {
        putLongAt(LotteryTicket.PAYER_OFFSET, payer);
        return this;
    }

    public LotteryTicketEncoder payee(long payee) {
        putLongAt(LotteryTicket.PAYEE_OFFSET, payee);
        return this;
    }

    public LotteryTicketEncoder serial(long serial) {
        putLongAt(LotteryTicket.SERIAL_OFFSET, serial);
        return this;
    }

    public LotteryTicketEncoder timestampSeconds(long timestampSeconds) {
        putUnsignedIntAt(LotteryTicket.TIMESTAMP_OFFSET, timestampSeconds, "timestampSeconds");
        return this;
    }

    @Override
    public int encodedLength() {
        return LotteryTicket.encodedLength(format());
    }
}
