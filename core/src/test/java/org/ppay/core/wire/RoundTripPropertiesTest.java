package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Encode random fields, decode them back unchanged, and re-encode the decoded fields (embedded parts copied from
 * the decoder's in-place flyweights) to exactly the same bytes: each message has one encoding.
 */
class RoundTripPropertiesTest {

    private static final long MAX_U32 = 0xFFFF_FFFFL;
    private static final int MAX_OFFSET = 16;
    private static final long SEED = 20031027L;
    private static final List<WireFormat> FORMATS = List.of(new WireFormat(64, 2), new WireFormat(256, 2));

    /** Where a message is encoded, and the seed of its random embedded parts and signature. */
    record Placement(WireFormat format, int offset, long seed) {
    }

    private static Gen<Placement> placements() {
        return arbitrary().pick(FORMATS).zip(integers().between(0, MAX_OFFSET), longs().all(), Placement::new);
    }

    private static Gen<Long> u32() {
        return longs().between(0, MAX_U32);
    }

    /** {@code count} unsigned 32-bit fields, drawn one after another. */
    private static Gen<long[]> u32s(int count) {
        return fields(count, u32());
    }

    /** {@code count} arbitrary 64-bit fields, drawn one after another. */
    private static Gen<long[]> longFields(int count) {
        return fields(count, longs().all());
    }

    private static Gen<long[]> fields(int count, Gen<Long> field) {
        final Gen<long[]> fields = in -> {
            final long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = field.generate(in);
            }
            return values;
        };
        return fields.describedAs(Arrays::toString);
    }

    @Test
    void shouldRoundTripRawCoin() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longs().all(), longs().all())
            .checkAssert((at, owner, serial) -> roundTripRawCoin(at.format(), at.offset(), owner, serial, at.seed()));
    }

    @Test
    void shouldRoundTripLimitCertificate() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longs().all(), longs().all(), longs().all())
            .checkAssert((at, owner, low, high) -> roundTripLimitCertificate(at.format(), at.offset(), owner, low, high,
                at.seed()));
    }

    @Test
    void shouldRoundTripSelfPrintedCoin() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longs().all())
            .checkAssert((at, serial) -> roundTripSelfPrintedCoin(at.format(), at.offset(), serial, at.seed()));
    }

    @Test
    void shouldRoundTripAssignment() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(placements(), booleans().all(), longs().all(), u32s(4))
            .checkAssert((at, byBroker, holder, times) -> roundTripAssignment(at.format(), at.offset(), byBroker,
                holder, times[0], times[1], times[2], times[3], at.seed()));
    }

    @Test
    void shouldRoundTripReassignmentRequest() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longs().all())
            .checkAssert((at, newHolder) -> roundTripReassignmentRequest(at.format(), at.offset(), newHolder,
                at.seed()));
    }

    @Test
    void shouldRoundTripLayeredCoin() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longFields(2), u32(), integers().between(0, 1))
            .checkAssert((at, toFrom, seq, innerLayers) -> roundTripLayeredCoin(at.format(), at.offset(), toFrom[0],
                toFrom[1], seq, innerLayers, at.seed()));
    }

    @Test
    void shouldRoundTripRenewalRequest() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements())
            .checkAssert(at -> roundTripRenewalRequest(at.format(), at.offset(), at.seed()));
    }

    @Test
    void shouldRoundTripCashRequest() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(placements(), longs().all(), u32())
            .checkAssert((at, holder, timestamp) -> roundTripCashRequest(at.format(), at.offset(), holder, timestamp,
                at.seed()));
    }

    @Test
    void shouldRoundTripPaywordCommitment() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longFields(2), u32s(2))
            .checkAssert((at, parties, terms) -> roundTripPaywordCommitment(at.format(), at.offset(), parties[0],
                parties[1], terms[0], terms[1], at.seed()));
    }

    @Test
    void shouldRoundTripLotteryTicket() {
        qt().withFixedSeed(SEED).withExamples(100).forAll(placements(), longFields(3), u32())
            .checkAssert((at, fields, timestamp) -> roundTripLotteryTicket(at.format(), at.offset(), fields[0],
                fields[1], fields[2], timestamp, at.seed()));
    }

    /**
     * Every message with each 64-bit field at its extremes, 0 and -1 (all ones), each 32-bit field at 0 and at its
     * maximum, at the first and last offset: the values where sign extension and byte order go wrong.
     */
    @Test
    void shouldRoundTripTheEdgesOfEveryField() {
        final long[][] edges = {{Long.MIN_VALUE, 0}, {Long.MAX_VALUE, MAX_U32}, {0, 0}, {-1, MAX_U32}, {1, 1}};
        for (WireFormat format : FORMATS) {
            for (int offset : new int[] {0, MAX_OFFSET}) {
                for (long[] edge : edges) {
                    final long x = edge[0];
                    final long u = edge[1];
                    roundTripRawCoin(format, offset, x, x, x);
                    roundTripLimitCertificate(format, offset, x, x, x, x);
                    roundTripSelfPrintedCoin(format, offset, x, x);
                    roundTripAssignment(format, offset, false, x, u, u, u, u, x);
                    roundTripAssignment(format, offset, true, x, u, u, u, u, x);
                    roundTripReassignmentRequest(format, offset, x, x);
                    roundTripLayeredCoin(format, offset, x, x, u, 0, x);
                    roundTripLayeredCoin(format, offset, x, x, u, 1, x);
                    roundTripRenewalRequest(format, offset, x);
                    roundTripCashRequest(format, offset, x, u, x);
                    roundTripPaywordCommitment(format, offset, x, x, u, u, x);
                    roundTripLotteryTicket(format, offset, x, x, x, u, x);
                }
            }
        }
    }

    private static void roundTripRawCoin(WireFormat format, int offset, long owner, long serial, long seed) {
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

    private static void roundTripLimitCertificate(WireFormat format, int offset, long owner, long low, long high,
                                                  long seed) {
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

    private static void roundTripSelfPrintedCoin(WireFormat format, int offset, long serial, long seed) {
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

    private static void roundTripAssignment(WireFormat format, int offset, boolean byBroker, long holder, long seq,
                                            long timestamp, long renewalBegin, long renewalEnd, long seed) {
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

    private static void roundTripReassignmentRequest(WireFormat format, int offset, long newHolder, long seed) {
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

    private static void roundTripLayeredCoin(WireFormat format, int offset, long to, long from, long seq,
                                             int innerLayers, long seed) {
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

    private static void roundTripRenewalRequest(WireFormat format, int offset, long seed) {
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

    private static void roundTripCashRequest(WireFormat format, int offset, long holder, long timestamp, long seed) {
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

    private static void roundTripPaywordCommitment(WireFormat format, int offset, long payer, long vendor,
                                                   long chainLength, long expiry, long seed) {
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

    private static void roundTripLotteryTicket(WireFormat format, int offset, long payer, long payee, long serial,
                                               long timestamp, long seed) {
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
