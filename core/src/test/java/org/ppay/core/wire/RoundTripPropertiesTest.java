package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encode random fields, decode them back unchanged, and re-encode the decoded fields (embedded parts copied from
 * the decoder's in-place flyweights) to exactly the same bytes: each message has one encoding.
 */
class RoundTripPropertiesTest {

    private static final long MAX_U32 = 0xFFFF_FFFFL;

    @Provide
    Arbitrary<WireFormat> formats() {
        return Arbitraries.of(new WireFormat(64, 2), new WireFormat(256, 2));
    }

    @Property(tries = 100)
    void shouldRoundTripRawCoin(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                @ForAll long owner, @ForAll long serial, @ForAll long seed) {
        UnsafeBuffer buffer = buffer();
        RawCoinEncoder encoder = new RawCoinEncoder(format).wrap(buffer, offset).owner(owner).serial(serial);
        byte[] signature = sign(encoder, seed);

        RawCoinDecoder decoder = new RawCoinDecoder(format).wrap(buffer, offset, encoder.encodedLength());
        assertEquals(owner, decoder.owner());
        assertEquals(serial, decoder.serial());
        assertSignature(signature, decoder);

        RawCoinEncoder again = new RawCoinEncoder(format).wrap(buffer(), 0).owner(decoder.owner())
            .serial(decoder.serial());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripLimitCertificate(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                         @ForAll long owner, @ForAll long low, @ForAll long high, @ForAll long seed) {
        UnsafeBuffer buffer = buffer();
        LimitCertificateEncoder encoder = new LimitCertificateEncoder(format).wrap(buffer, offset)
            .owner(owner).serialLow(low).serialHigh(high);
        byte[] signature = sign(encoder, seed);

        LimitCertificateDecoder decoder = new LimitCertificateDecoder(format)
            .wrap(buffer, offset, encoder.encodedLength());
        assertEquals(owner, decoder.owner());
        assertEquals(low, decoder.serialLow());
        assertEquals(high, decoder.serialHigh());
        assertSignature(signature, decoder);

        LimitCertificateEncoder again = new LimitCertificateEncoder(format).wrap(buffer(), 0)
            .owner(decoder.owner()).serialLow(decoder.serialLow()).serialHigh(decoder.serialHigh());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripSelfPrintedCoin(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                        @ForAll long serial, @ForAll long seed) {
        RandomMessages random = new RandomMessages(format, seed);
        EncodedMessage certificate = random.part(MessageType.LIMIT_CERTIFICATE);
        UnsafeBuffer buffer = buffer();
        SelfPrintedCoinEncoder encoder = new SelfPrintedCoinEncoder(format).wrap(buffer, offset)
            .serial(serial).limitCertificate(certificate);
        byte[] signature = sign(encoder, seed);

        SelfPrintedCoinDecoder decoder = new SelfPrintedCoinDecoder(format)
            .wrap(buffer, offset, encoder.encodedLength());
        assertEquals(serial, decoder.serial());
        assertSameBytes(certificate, decoder.limitCertificate());
        assertEquals(new LimitCertificateDecoder(format).wrap(certificate.buffer(), 0, certificate.encodedLength())
            .owner(), decoder.owner());
        assertSignature(signature, decoder);

        SelfPrintedCoinEncoder again = new SelfPrintedCoinEncoder(format).wrap(buffer(), 0)
            .serial(decoder.serial()).limitCertificate(decoder.limitCertificate());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 150)
    void shouldRoundTripAssignment(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                   @ForAll boolean byBroker, @ForAll long holder,
                                   @ForAll @LongRange(max = MAX_U32) long seq,
                                   @ForAll @LongRange(max = MAX_U32) long timestamp,
                                   @ForAll @LongRange(max = MAX_U32) long renewalBegin,
                                   @ForAll @LongRange(max = MAX_U32) long renewalEnd, @ForAll long seed) {
        RandomMessages random = new RandomMessages(format, seed);
        EncodedMessage coin = random.part(random.anyCoinType());
        UnsafeBuffer buffer = buffer();
        AssignmentEncoder encoder = new AssignmentEncoder(format);
        if (byBroker) {
            encoder.wrapBrokerAssignment(buffer, offset);
        } else {
            encoder.wrap(buffer, offset);
        }
        encoder.holder(holder).seq(seq).timestampSeconds(timestamp).renewalBeginSeconds(renewalBegin)
            .renewalEndSeconds(renewalEnd).coin(coin);
        byte[] signature = sign(encoder, seed);

        AssignmentDecoder decoder = new AssignmentDecoder(format).wrap(buffer, offset, encoder.encodedLength());
        assertEquals(byBroker, decoder.isBrokerAssignment());
        assertEquals(holder, decoder.holder());
        assertEquals(seq, decoder.seq());
        assertEquals(timestamp, decoder.timestampSeconds());
        assertEquals(renewalBegin, decoder.renewalBeginSeconds());
        assertEquals(renewalEnd, decoder.renewalEndSeconds());
        assertEquals(coin.type(), decoder.coinType());
        assertSameBytes(coin, decoder.coin());
        assertSignature(signature, decoder);

        AssignmentEncoder again = new AssignmentEncoder(format);
        if (decoder.isBrokerAssignment()) {
            again.wrapBrokerAssignment(buffer(), 0);
        } else {
            again.wrap(buffer(), 0);
        }
        again.holder(decoder.holder()).seq(decoder.seq()).timestampSeconds(decoder.timestampSeconds())
            .renewalBeginSeconds(decoder.renewalBeginSeconds()).renewalEndSeconds(decoder.renewalEndSeconds())
            .coin(decoder.coin());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripReassignmentRequest(@ForAll("formats") WireFormat format,
                                            @ForAll @IntRange(max = 16) int offset, @ForAll long newHolder,
                                            @ForAll long seed) {
        RandomMessages random = new RandomMessages(format, seed);
        EncodedMessage assignment = random.part(random.anyAssignmentType());
        UnsafeBuffer buffer = buffer();
        ReassignmentRequestEncoder encoder = new ReassignmentRequestEncoder(format).wrap(buffer, offset)
            .newHolder(newHolder).assignment(assignment);
        byte[] signature = sign(encoder, seed);

        ReassignmentRequestDecoder decoder = new ReassignmentRequestDecoder(format)
            .wrap(buffer, offset, encoder.encodedLength());
        assertEquals(newHolder, decoder.newHolder());
        assertSameBytes(assignment, decoder.assignment());
        assertSignature(signature, decoder);

        ReassignmentRequestEncoder again = new ReassignmentRequestEncoder(format).wrap(buffer(), 0)
            .newHolder(decoder.newHolder()).assignment(decoder.assignment());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripLayeredCoin(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                    @ForAll long to, @ForAll long from, @ForAll @LongRange(max = MAX_U32) long seq,
                                    @ForAll @IntRange(max = 1) int innerLayers, @ForAll long seed) {
        RandomMessages random = new RandomMessages(format, seed);
        UnsafeBuffer innerBuffer = buffer();
        int innerLength = random.layered(innerBuffer, 0, innerLayers);
        UnsafeBuffer buffer = buffer();
        LayeredCoinEncoder encoder = new LayeredCoinEncoder(format).wrap(buffer, offset).to(to).from(from).seq(seq)
            .inner(innerBuffer, 0, innerLength);
        byte[] signature = sign(encoder, seed);

        LayeredCoinDecoder decoder = new LayeredCoinDecoder(format).wrap(buffer, offset, encoder.encodedLength());
        assertEquals(to, decoder.to());
        assertEquals(from, decoder.from());
        assertEquals(seq, decoder.seq());
        assertEquals(innerLayers + 1, decoder.layers());
        assertEquals(innerLength, decoder.innerLength());
        AssignmentDecoder innermost = decoder.innermostAssignment();
        assertEquals(offset + (innerLayers + 1) * LayeredCoin.INNER_OFFSET, innermost.offset());
        assertEquals(encoder.encodedLength() - (innerLayers + 1) * (LayeredCoin.INNER_OFFSET
            + format.signatureLength()), innermost.encodedLength());
        EncodedMessage inner = innerLayers == 0 ? decoder.innerAssignment() : decoder.innerLayer();
        assertEquals(offset + LayeredCoin.INNER_OFFSET, inner.offset());
        byte[] innerBytes = new byte[innerLength];
        innerBuffer.getBytes(0, innerBytes);
        byte[] decodedInnerBytes = new byte[inner.encodedLength()];
        buffer.getBytes(inner.offset(), decodedInnerBytes);
        assertArrayEquals(innerBytes, decodedInnerBytes);
        assertSignature(signature, decoder);

        LayeredCoinEncoder again = new LayeredCoinEncoder(format).wrap(buffer(), 0).to(decoder.to())
            .from(decoder.from()).seq(decoder.seq()).inner(inner);
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripRenewalRequest(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                       @ForAll long seed) {
        RandomMessages random = new RandomMessages(format, seed);
        EncodedMessage assignment = random.part(random.anyAssignmentType());
        UnsafeBuffer buffer = buffer();
        RenewalRequestEncoder encoder = new RenewalRequestEncoder(format).wrap(buffer, offset).assignment(assignment);
        byte[] signature = sign(encoder, seed);

        RenewalRequestDecoder decoder = new RenewalRequestDecoder(format).wrap(buffer, offset, encoder.encodedLength());
        assertSameBytes(assignment, decoder.assignment());
        assertSignature(signature, decoder);

        RenewalRequestEncoder again = new RenewalRequestEncoder(format).wrap(buffer(), 0)
            .assignment(decoder.assignment());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 150)
    void shouldRoundTripCashRequest(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                    @ForAll long holder, @ForAll @LongRange(max = MAX_U32) long timestamp,
                                    @ForAll long seed) {
        RandomMessages random = new RandomMessages(format, seed);
        EncodedMessage instrument = random.part(random.anyInstrumentType());
        UnsafeBuffer buffer = buffer();
        CashRequestEncoder encoder = new CashRequestEncoder(format).wrap(buffer, offset).holder(holder)
            .timestampSeconds(timestamp).instrument(instrument);
        byte[] signature = sign(encoder, seed);

        CashRequestDecoder decoder = new CashRequestDecoder(format).wrap(buffer, offset, encoder.encodedLength());
        assertEquals(holder, decoder.holder());
        assertEquals(timestamp, decoder.timestampSeconds());
        assertEquals(instrument.type(), decoder.instrumentType());
        EncodedMessage decodedInstrument = instrumentOf(decoder);
        assertSameBytes(instrument, decodedInstrument);
        assertSignature(signature, decoder);

        CashRequestEncoder again = new CashRequestEncoder(format).wrap(buffer(), 0).holder(decoder.holder())
            .timestampSeconds(decoder.timestampSeconds()).instrument(decodedInstrument);
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripPaywordCommitment(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                          @ForAll long payer, @ForAll long vendor,
                                          @ForAll @LongRange(max = MAX_U32) long chainLength,
                                          @ForAll @LongRange(max = MAX_U32) long expiry, @ForAll long seed) {
        byte[] root = new byte[PaywordCommitment.ROOT_LENGTH];
        new java.util.SplittableRandom(seed).nextBytes(root);
        UnsafeBuffer buffer = buffer();
        PaywordCommitmentEncoder encoder = new PaywordCommitmentEncoder(format).wrap(buffer, offset).payer(payer)
            .vendor(vendor).root(root, 0).chainLength(chainLength).expirySeconds(expiry);
        byte[] signature = sign(encoder, ~seed);

        PaywordCommitmentDecoder decoder = new PaywordCommitmentDecoder(format)
            .wrap(buffer, offset, encoder.encodedLength());
        assertEquals(payer, decoder.payer());
        assertEquals(vendor, decoder.vendor());
        byte[] decodedRoot = new byte[PaywordCommitment.ROOT_LENGTH];
        decoder.getRoot(decodedRoot, 0);
        assertArrayEquals(root, decodedRoot);
        assertEquals(chainLength, decoder.chainLength());
        assertEquals(expiry, decoder.expirySeconds());
        assertSignature(signature, decoder);

        PaywordCommitmentEncoder again = new PaywordCommitmentEncoder(format).wrap(buffer(), 0)
            .payer(decoder.payer()).vendor(decoder.vendor()).root(decoder.buffer(), decoder.rootOffset())
            .chainLength(decoder.chainLength()).expirySeconds(decoder.expirySeconds());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    @Property(tries = 100)
    void shouldRoundTripLotteryTicket(@ForAll("formats") WireFormat format, @ForAll @IntRange(max = 16) int offset,
                                      @ForAll long payer, @ForAll long payee, @ForAll long serial,
                                      @ForAll @LongRange(max = MAX_U32) long timestamp, @ForAll long seed) {
        UnsafeBuffer buffer = buffer();
        LotteryTicketEncoder encoder = new LotteryTicketEncoder(format).wrap(buffer, offset).payer(payer)
            .payee(payee).serial(serial).timestampSeconds(timestamp);
        byte[] signature = sign(encoder, seed);

        LotteryTicketDecoder decoder = new LotteryTicketDecoder(format).wrap(buffer, offset, encoder.encodedLength());
        assertEquals(payer, decoder.payer());
        assertEquals(payee, decoder.payee());
        assertEquals(serial, decoder.serial());
        assertEquals(timestamp, decoder.timestampSeconds());
        assertSignature(signature, decoder);

        LotteryTicketEncoder again = new LotteryTicketEncoder(format).wrap(buffer(), 0).payer(decoder.payer())
            .payee(decoder.payee()).serial(decoder.serial()).timestampSeconds(decoder.timestampSeconds());
        assertSameBytes(decoder, reSigned(again, decoder));
    }

    private static EncodedMessage instrumentOf(CashRequestDecoder decoder) {
        switch (decoder.instrumentType()) {
            case RAW_COIN:
                return decoder.rawCoin();
            case SELF_PRINTED_COIN:
                return decoder.selfPrintedCoin();
            case LAYERED_COIN:
                return decoder.layeredCoin();
            default:
                return decoder.assignment();
        }
    }

    static UnsafeBuffer buffer() {
        return new UnsafeBuffer(new byte[64 * 1024]);
    }

    /** Puts random signature bytes (derived from the seed) into the message and returns them. */
    static byte[] sign(MessageEncoder encoder, long seed) {
        byte[] signature = new byte[encoder.format().signatureLength()];
        new java.util.SplittableRandom(seed).nextBytes(signature);
        encoder.putSignature(signature, 0);
        return signature;
    }

    static MessageEncoder reSigned(MessageEncoder encoder, MessageDecoder from) {
        byte[] signature = new byte[from.format().signatureLength()];
        from.getSignature(signature, 0);
        encoder.putSignature(signature, 0);
        return encoder;
    }

    static void assertSignature(byte[] expected, MessageDecoder decoder) {
        byte[] actual = new byte[expected.length];
        decoder.getSignature(actual, 0);
        assertArrayEquals(expected, actual);
    }

    static void assertSameBytes(EncodedMessage expected, EncodedMessage actual) {
        assertEquals(expected.encodedLength(), actual.encodedLength(), "encoded length");
        byte[] expectedBytes = new byte[expected.encodedLength()];
        byte[] actualBytes = new byte[actual.encodedLength()];
        expected.buffer().getBytes(expected.offset(), expectedBytes);
        actual.buffer().getBytes(actual.offset(), actualBytes);
        assertArrayEquals(expectedBytes, actualBytes);
    }
}
