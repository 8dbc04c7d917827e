package org.ppay.core.holder;

/** A coin in a holder's wallet: the instrument it holds now (an assignment or a layered coin). */
final class HeldCoin {

    final byte[] instrument;
    final long seq;
    final int layers;
    final long renewalBegin;
    final long renewalEnd;
    /** The request made to give this coin up that got no answer yet; retried byte for byte. */
    byte[] pendingRequest;
    long pendingPayee = -1;

    HeldCoin(byte[] instrument, long seq, int layers, long renewalBegin, long renewalEnd) {
        this.instrument = instrument;
        this.seq = seq;
        this.layers = layers;
        this.renewalBegin = renewalBegin;
        this.renewalEnd = renewalEnd;
    }
}
