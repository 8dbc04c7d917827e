package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

/** Truncated, extended, mutated and random bytes are rejected with MalformedMessageException and nothing else. */
class MalformedInputTest {

    static final Set<MessageType> GENERATED = EnumSet.allOf(MessageType.class);

    @Provide
    Arbitrary<WireFormat> formats() {
        return Arbitraries.of(new WireFormat(64, 2), new WireFormat(256, 2), new WireFormat(4, 3));
    }

    @Provide
    Arbitrary<MessageType> types() {
        return Arbitraries.of(GENERATED);
    }

    @Property(tries = 60)
    void shouldRejectEveryTruncationOfAValidMessage(@ForAll("formats") WireFormat format,
                                                    @ForAll("types") MessageType type, @ForAll long seed) {
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

    @Property(tries = 60)
    void shouldRejectTrailingBytes(@ForAll("formats") WireFormat format, @ForAll("types") MessageType type,
                                   @ForAll long seed) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(format, seed).write(type, buffer, 0);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(format, buffer, 0, length + 1));
        assertEquals(type, e.messageType().orElseThrow());
        assertTrue(e.problem().contains("1 trailing bytes"), e.problem());
    }

    @Property(tries = 300)
    void shouldRejectRandomGarbageCleanly(@ForAll("formats") WireFormat format, @ForAll @Size(max = 600) byte[] garbage,
                                          @ForAll("types") MessageType plausibleType, @ForAll boolean plausibleHeader) {
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

    @Property(tries = 300)
    void shouldRejectMutatedMessagesCleanly(@ForAll("formats") WireFormat format, @ForAll("types") MessageType type,
                                            @ForAll long seed, @ForAll int position, @ForAll byte value) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(format, seed).write(type, buffer, 0);
        byte[] mutated = new byte[length];
        buffer.getBytes(0, mutated);
        mutated[Math.floorMod(position, length)] = value;
        try {
            WireMessages.validate(format, new UnsafeBuffer(mutated), 0, length);
        } catch (MalformedMessageException expected) {
            assertTrue(expected.offset() >= 0 && expected.offset() < length);
        }
    }

    @Property(tries = 30)
    void shouldRejectAMessageMadeForAnotherSignatureLength(@ForAll("types") MessageType type, @ForAll long seed) {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        int length = new RandomMessages(new WireFormat(256, 2), seed).write(type, buffer, 0);
        assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(new WireFormat(64, 2), buffer, 0, length));
    }
}
