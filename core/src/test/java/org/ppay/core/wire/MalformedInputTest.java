package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Truncated, extended, mutated and random bytes are rejected with MalformedMessageException and nothing else. */
class MalformedInputTest {

    static final Set<MessageType> GENERATED = EnumSet.allOf(MessageType.class);

    private static final long SEED = 20031027L;
    private static final List<WireFormat> FORMATS =
        List.of(new WireFormat(64, 2), new WireFormat(256, 2), new WireFormat(4, 3));
    private static final int MAX_GARBAGE_BYTES = 600;

    /** A byte of a message overwritten: where (any int, taken modulo the length) and with what. */
    record Mutation(int position, byte value) {
    }

    private static Gen<WireFormat> formats() {
        return arbitrary().pick(FORMATS);
    }

    private static Gen<MessageType> types() {
        return arbitrary().pick(List.copyOf(GENERATED));
    }

    private static Gen<byte[]> garbage() {
        return Generate.byteArrays(integers().between(0, MAX_GARBAGE_BYTES),
            Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).describedAs(Arrays::toString);
    }

    private static Gen<Mutation> mutations() {
        return integers().all().zip(Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0), Mutation::new);
    }

    @Test
    void shouldRejectEveryTruncationOfAValidMessage() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(formats(), types(), longs().all())
            .checkAssert(MalformedInputTest::rejectEveryTruncation);
    }

    @Test
    void shouldRejectTrailingBytes() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(formats(), types(), longs().all())
            .checkAssert(MalformedInputTest::rejectTrailingBytes);
    }

    @Test
    void shouldRejectRandomGarbageCleanly() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(formats(), garbage(), types(), booleans().all())
            .checkAssert(MalformedInputTest::rejectGarbageCleanly);
    }

    /** No bytes, fewer bytes than a header, a bare plausible header, the most garbage of all zeros and all ones. */
    @Test
    void shouldRejectTheEdgesOfGarbageCleanly() {
        for (WireFormat format : FORMATS) {
            for (MessageType type : GENERATED) {
                for (int length : new int[] {0, MessageHeader.ENCODED_LENGTH - 1, MessageHeader.ENCODED_LENGTH,
                    MAX_GARBAGE_BYTES}) {
                    for (byte fill : new byte[] {0, (byte) 0xFF}) {
                        final byte[] garbage = new byte[length];
                        Arrays.fill(garbage, fill);
                        rejectGarbageCleanly(format, garbage, type, true);
                        Arrays.fill(garbage, fill);
                        rejectGarbageCleanly(format, garbage, type, false);
                    }
                }
            }
        }
    }

    @Test
    void shouldRejectMutatedMessagesCleanly() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(formats(), types(), longs().all(), mutations())
            .checkAssert(MalformedInputTest::rejectMutatedCleanly);
    }

    /** The type byte, the version byte and the last byte of every message, set to 0 and to 0xFF. */
    @Test
    void shouldRejectMutationsAtTheEndsOfAMessageCleanly() {
        for (WireFormat format : FORMATS) {
            for (MessageType type : GENERATED) {
                for (int position : new int[] {0, MessageHeader.VERSION_OFFSET, -1}) {
                    for (byte value : new byte[] {0, (byte) 0xFF}) {
                        rejectMutatedCleanly(format, type, SEED, new Mutation(position, value));
                    }
                }
            }
        }
    }

    @Test
    void shouldRejectAMessageMadeForAnotherSignatureLength() {
        qt().withFixedSeed(SEED).withExamples(30).forAll(types(), longs().all())
            .checkAssert(MalformedInputTest::rejectAnotherSignatureLength);
    }

    private static void rejectEveryTruncation(WireFormat format, MessageType type, long seed) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(format, seed).write(type, buffer, 0);
        assertEquals(type, WireMessages.validate(format, buffer, 0, length));
        for (int truncated = 0; truncated < length; truncated++) {
            UnsafeBuffer exact = new UnsafeBuffer(new byte[truncated]);
            exact.putBytes(0, buffer, 0, truncated);
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> WireMessages.validate(format, exact, 0, exact.capacity()));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not allowed")
                || e.getMessage().contains("unknown") || e.getMessage().contains("version"), e.getMessage());
        }
    }

    private static void rejectTrailingBytes(WireFormat format, MessageType type, long seed) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(format, seed).write(type, buffer, 0);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(format, buffer, 0, length + 1));
        assertEquals(type, e.messageType().orElseThrow());
        assertTrue(e.problem().contains("1 trailing bytes"), e.problem());
    }

    private static void rejectGarbageCleanly(WireFormat format, byte[] garbage, MessageType plausibleType,
                                             boolean plausibleHeader) {
        if (plausibleHeader && garbage.length >= MessageHeader.ENCODED_LENGTH) {
            garbage[0] = (byte) plausibleType.code();
            garbage[1] = MessageHeader.VERSION;
        }
        UnsafeBuffer buffer = new UnsafeBuffer(garbage);
        try {
            WireMessages.validate(format, buffer, 0, garbage.length);
        } catch (MalformedMessageException expected) {
            assertTrue(expected.offset() >= 0 && expected.offset() <= garbage.length);
        }
    }

    private static void rejectMutatedCleanly(WireFormat format, MessageType type, long seed, Mutation mutation) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(format, seed).write(type, buffer, 0);
        byte[] mutated = new byte[length];
        buffer.getBytes(0, mutated);
        mutated[Math.floorMod(mutation.position(), length)] = mutation.value();
        try {
            WireMessages.validate(format, new UnsafeBuffer(mutated), 0, length);
        } catch (MalformedMessageException expected) {
            assertTrue(expected.offset() >= 0 && expected.offset() < length);
        }
    }

    private static void rejectAnotherSignatureLength(MessageType type, long seed) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(new WireFormat(256, 2), seed).write(type, buffer, 0);
        assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(new WireFormat(64, 2), buffer, 0, length));
    }
}
