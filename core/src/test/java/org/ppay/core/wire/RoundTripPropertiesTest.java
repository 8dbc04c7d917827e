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
