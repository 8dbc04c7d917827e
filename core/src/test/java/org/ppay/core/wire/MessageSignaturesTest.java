package org.ppay.core.wire;

import org.ppay.core.crypto.SignatureSuite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Real Ed25519 signatures over exactly the bytes before the signature field, in place. */
class MessageSignaturesTest {

    private static final WireFormat FORMAT = new WireFormat(64, 2);
    private static final SignatureSuite SUITE = SignatureSuite.of("ed25519-jdk");
    private static final SecureRandom RANDOM = new SecureRandom(new byte[] {1});
    private static final KeyPair BROKER = SUITE.generateKeyPair(RANDOM);
    private static final KeyPair OWNER = SUITE.generateKeyPair(RANDOM);
    private static final KeyPair HOLDER = SUITE.generateKeyPair(RANDOM);

    @Test
    void shouldSignExactlyTheBytesBeforeTheSignature() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[200], 7, 150);
        RawCoinEncoder coin = new RawCoinEncoder(FORMAT).wrap(buffer, 3).owner(42).serial(4242);
        MessageSignatures.sign(SUITE, BROKER.getPrivate(), coin);

        byte[] whole = new byte[coin.encodedLength()];
        buffer.getBytes(3, whole);
        byte[] covered = Arrays.copyOf(whole, RawCoin.SIGNATURE_OFFSET);
        byte[] signature = Arrays.copyOfRange(whole, RawCoin.SIGNATURE_OFFSET, whole.length);
        assertTrue(SUITE.verify(publicKey(BROKER), covered, signature));
        assertArrayEquals(SUITE.sign(BROKER.getPrivate(), covered), signature, "Ed25519 is deterministic");
    }

    @Test
    void shouldVerifyEveryNestedSignatureInPlace() {
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);
        RawCoinEncoder coin = new RawCoinEncoder(FORMAT).wrap(scratch, 0).owner(1).serial(77);
        MessageSignatures.sign(SUITE, BROKER.getPrivate(), coin);
        AssignmentEncoder assignment = new AssignmentEncoder(FORMAT).wrap(scratch, 1000).holder(2).seq(1)
            .timestampSeconds(100).renewalBeginSeconds(200).renewalEndSeconds(300).coin(coin);
        MessageSignatures.sign(SUITE, OWNER.getPrivate(), assignment);
        UnsafeBuffer wire = new UnsafeBuffer(new byte[1024]);
        ReassignmentRequestEncoder request = new ReassignmentRequestEncoder(FORMAT).wrap(wire, 0).newHolder(3)
            .assignment(assignment);
        MessageSignatures.sign(SUITE, HOLDER.getPrivate(), request);

        ReassignmentRequestDecoder decoded = new ReassignmentRequestDecoder(FORMAT).wrap(wire, 0,
            request.encodedLength());
        assertTrue(MessageSignatures.verify(SUITE, publicKey(HOLDER), decoded));
        assertTrue(MessageSignatures.verify(SUITE, publicKey(OWNER), decoded.assignment()));
        assertTrue(MessageSignatures.verify(SUITE, publicKey(BROKER), decoded.assignment().rawCoin()));
        assertFalse(MessageSignatures.verify(SUITE, publicKey(OWNER), decoded), "wrong signer");
    }

    @Test
    void shouldRejectAnyChangeToACoveredByte() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        RawCoinEncoder coin = new RawCoinEncoder(FORMAT).wrap(buffer, 0).owner(5).serial(6);
        MessageSignatures.sign(SUITE, BROKER.getPrivate(), coin);
        RawCoinDecoder decoder = new RawCoinDecoder(FORMAT);
        for (int i = 0; i < coin.encodedLength(); i++) {
            byte original = buffer.getByte(i);
            buffer.putByte(i, (byte) (original ^ 0x01));
            boolean valid = i < 2 ? false
                : MessageSignatures.verify(SUITE, publicKey(BROKER), decoder.wrap(buffer, 0, coin.encodedLength()));
            assertFalse(valid, "byte " + i + " flipped");
            buffer.putByte(i, original);
        }
        assertTrue(MessageSignatures.verify(SUITE, publicKey(BROKER), decoder.wrap(buffer, 0, coin.encodedLength())));
    }

    @Test
    void shouldSignAndVerifyInOffHeapBuffers() {
        UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        RawCoinEncoder coin = new RawCoinEncoder(FORMAT).wrap(direct, 10).owner(8).serial(9);
        MessageSignatures.sign(SUITE, BROKER.getPrivate(), coin);

        UnsafeBuffer heap = new UnsafeBuffer(new byte[256]);
        heap.putBytes(0, direct, 10, coin.encodedLength());
        assertTrue(MessageSignatures.verify(SUITE, publicKey(BROKER), heap, 0, coin.encodedLength()));
        assertTrue(MessageSignatures.verify(SUITE, publicKey(BROKER), direct, 10, coin.encodedLength()));
    }

    @Test
    void shouldRefuseASuiteWhoseSignatureLengthDiffersFromTheFormat() {
        RawCoinEncoder coin = new RawCoinEncoder(new WireFormat(256, 2)).wrap(new UnsafeBuffer(new byte[512]), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MessageSignatures.sign(SUITE, BROKER.getPrivate(), coin));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
    }

    private static byte[] publicKey(KeyPair pair) {
        return SUITE.publicKeyBytes(pair.getPublic());
    }
}
