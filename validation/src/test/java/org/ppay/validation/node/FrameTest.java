package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ppay.core.transport.FrameHeader;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireSizes;
import org.ppay.sim.load.Task;

class FrameTest {

    private static byte[] bytes(Frame frame) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame.writeTo(out);
        return out.toByteArray();
    }

    private static final FrameLimit LIMIT = FrameLimit.of(64, 2);

    private static Frame read(byte[] bytes) throws IOException {
        return new FrameReader(new ByteArrayInputStream(bytes), LIMIT).next();
    }

    @Test
    void shouldRoundTripWithAFourteenByteHeader() throws IOException {
        final Frame frame = new Frame(Frame.OWNER, Task.RENEWAL, 42, new byte[] {8, 1, 2, 3});
        final byte[] wire = bytes(frame);
        assertEquals(FrameHeader.BYTES + 4, wire.length);
        assertEquals(frame.sizeBytes(), wire.length);
        assertEquals(14, wire[0], "length counts the bytes after itself, little-endian");
        final Frame back = read(wire);
        assertEquals(Frame.OWNER, back.kind());
        assertEquals(Task.RENEWAL, back.task());
        assertEquals(42, back.to());
        assertArrayEquals(frame.body(), back.body());
    }

    @Test
    void shouldCarryAWholeFrameInOneDatagramAndRefuseOneWhoseLengthDisagrees() throws IOException {
        final Frame frame = new Frame(Frame.GUESS, Task.GUESS, 7, new byte[80]);
        final byte[] datagram = frame.toBytes();
        assertArrayEquals(bytes(frame), datagram, "a datagram holds what the stream would");
        assertEquals(94, datagram.length, "a GUESS query is 94 bytes, header included");

        final byte[] buffer = Arrays.copyOf(datagram, 2048);
        final Frame back = Frame.fromDatagram(buffer, datagram.length);
        assertEquals(Frame.GUESS, back.kind());
        assertEquals(7, back.to());
        assertEquals(80, back.body().length);

        assertTrue(assertThrows(IOException.class, () -> Frame.fromDatagram(buffer, datagram.length - 1))
                .getMessage().contains("announces a frame length of 90"));
        assertTrue(assertThrows(IOException.class, () -> Frame.fromDatagram(buffer, 10)).getMessage()
                .contains("shorter than a frame header"));
    }

    @Test
    void shouldEndCleanlyOnlyBetweenFrames() throws IOException {
        assertNull(read(new byte[0]));
        final byte[] wire = bytes(new Frame(Frame.PAY, Task.GUESS, 1, new byte[10]));
        final IOException truncated = assertThrows(IOException.class,
                () -> read(Arrays.copyOf(wire, wire.length - 1)));
        assertTrue(truncated instanceof java.io.EOFException || truncated.getMessage() != null);
        assertTrue(assertThrows(IOException.class, () -> read(Arrays.copyOf(wire, 5))).getMessage()
                .contains("inside a frame header"));
    }

    @Test
    void shouldRefuseABadLengthKindOrTask() throws IOException {
        final byte[] wire = bytes(new Frame(Frame.PAY, Task.GUESS, 1, new byte[2]));
        final byte[] badLength = wire.clone();
        badLength[3] = 0x7f;
        assertTrue(assertThrows(IOException.class, () -> read(badLength)).getMessage().contains("bad frame length"));
        final byte[] badKind = wire.clone();
        badKind[4] = 99;
        assertTrue(assertThrows(IOException.class, () -> read(badKind)).getMessage().contains("kind 99"));
        final byte[] badTask = wire.clone();
        badTask[5] = 9;
        assertTrue(assertThrows(IOException.class, () -> read(badTask)).getMessage().contains("task 9"));
    }

    @Test
    void shouldLimitABodyToTheLargestMessageOfTheSuiteAndLayers() throws IOException {
        final WireFormat format = new WireFormat(64, 2);
        final int cashOfTheLargestCoin = WireSizes.cashRequest(format, WireSizes.layeredCoin(format, true, 2));
        assertEquals(cashOfTheLargestCoin, LIMIT.maxBodyBytes(), "a cash request for a self-printed coin of 2 layers");
        assertEquals(504, LIMIT.maxBodyBytes());
        assertTrue(FrameLimit.of(256, 2).maxBodyBytes() > LIMIT.maxBodyBytes(), "RSA's signatures are longer");

        assertEquals(504, read(bytes(new Frame(Frame.BROKER, Task.MISC, 0, new byte[504]))).body().length);
        final byte[] over = bytes(new Frame(Frame.BROKER, Task.MISC, 0, new byte[505]));
        assertTrue(assertThrows(IOException.class, () -> read(over)).getMessage().contains("at most 504 bytes"));
    }

    @Test
    void shouldReadFramesThatArriveTogetherOneByOne() throws IOException {
        final ByteArrayOutputStream two = new ByteArrayOutputStream();
        new Frame(Frame.PAY, Task.GUESS, 1, new byte[300]).writeTo(two);
        new Frame(Frame.OWNER, Task.RENEWAL, 2, new byte[400]).writeTo(two);
        final FrameReader reader = new FrameReader(new ByteArrayInputStream(two.toByteArray()), LIMIT);
        assertEquals(300, reader.next().body().length);
        final Frame second = reader.next();
        assertEquals(2, second.to());
        assertEquals(400, second.body().length);
        assertNull(reader.next());
    }
}
