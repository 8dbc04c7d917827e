package org.ppay.core.wire;

import org.ppay.core.crypto.SignatureSuite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Layered coins of 0..max layers decode and peel; one layer more is rejected on both sides of the wire. */
class LayeredCoinTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void shouldAcceptEveryLayerCountUpToTheMaximum(int maxLayers) {
        WireFormat format = new WireFormat(64, maxLayers);
        for (int layers = 0; layers <= maxLayers; layers++) {
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[16 * 1024]);
            int length = new RandomMessages(format, 31L * layers).layered(buffer, 0, layers);
            boolean selfPrinted = innermostCoinIsSelfPrinted(buffer, layers);
            assertEquals(WireSizes.layeredCoin(format, selfPrinted, layers), length, layers + " layers");
            if (layers == 0) {
                assertTrue(WireMessages.validate(format, buffer, 0, length) != MessageType.LAYERED_COIN);
                continue;
            }
            LayeredCoinDecoder coin = new LayeredCoinDecoder(format).wrap(buffer, 0, length);
            assertEquals(layers, coin.layers());
            AssignmentDecoder innermost = coin.innermostAssignment();
            LayeredCoinDecoder layer = coin;
            for (int peeled = 1; peeled < layers; peeled++) {
                layer = layer.innerLayer();
                assertEquals(layers - peeled, layer.layers());
            }
            assertEquals(innermost.offset(), layer.innerAssignment().offset());
            assertEquals(innermost.encodedLength(), layer.innerAssignment().encodedLength());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4})
    void shouldRejectOneLayerMoreThanTheMaximum(int maxLayers) {
        WireFormat wider = new WireFormat(64, maxLayers + 1);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[16 * 1024]);
        int length = new RandomMessages(wider, 7).layered(buffer, 0, maxLayers + 1);

        WireFormat format = new WireFormat(64, maxLayers);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> new LayeredCoinDecoder(format).wrap(buffer, 0, length));
        assertEquals(MessageType.LAYERED_COIN, e.messageType().orElseThrow());
        assertEquals(maxLayers * LayeredCoin.INNER_OFFSET, e.offset(), "offset of the layer too many");
        assertTrue(e.problem().contains("maximum of " + maxLayers), e.problem());
    }

    @Test
    void shouldRefuseToEncodeALayerBeyondTheMaximum() {
        WireFormat format = new WireFormat(64, 2);
        UnsafeBuffer full = new UnsafeBuffer(new byte[4096]);
        int length = new RandomMessages(format, 3).layered(full, 0, 2);
        LayeredCoinEncoder encoder = new LayeredCoinEncoder(format).wrap(new UnsafeBuffer(new byte[4096]), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> encoder.inner(full, 0, length));
        assertTrue(e.getMessage().contains("3 layers"), e.getMessage());
        assertThrows(IllegalStateException.class, encoder::encodedLength, "nothing was copied in");
    }

    @Test
    void shouldRejectALongChainOfLayerHeadersWithoutDeepRecursion() {
        WireFormat format = new WireFormat(64, WireFormat.MAX_LAYERS_LIMIT);
        byte[] chain = new byte[(WireFormat.MAX_LAYERS_LIMIT + 10) * LayeredCoin.INNER_OFFSET];
        for (int i = 0; i < chain.length; i += LayeredCoin.INNER_OFFSET) {
            chain[i] = (byte) MessageType.LAYERED_COIN.code();
            chain[i + 1] = MessageHeader.VERSION;
        }
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(format, new UnsafeBuffer(chain), 0, chain.length));
        assertTrue(e.problem().contains("maximum of " + WireFormat.MAX_LAYERS_LIMIT), e.problem());
    }

    @Test
    void shouldVerifyEveryLayerInPlaceWhilePeeling() {
        WireFormat format = new WireFormat(64, 2);
        SignatureSuite suite = SignatureSuite.of("ed25519-jdk");
        SecureRandom random = new SecureRandom(new byte[] {9});
        KeyPair broker = suite.generateKeyPair(random);
        KeyPair owner = suite.generateKeyPair(random);
        KeyPair v = suite.generateKeyPair(random);
        KeyPair x = suite.generateKeyPair(random);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);

        RawCoinEncoder coin = new RawCoinEncoder(format).wrap(scratch, 0).owner(1).serial(10);
        MessageSignatures.sign(suite, broker.getPrivate(), coin);
        AssignmentEncoder assignment = new AssignmentEncoder(format).wrap(scratch, 1000).holder(2).seq(5)
            .timestampSeconds(50).renewalBeginSeconds(60).renewalEndSeconds(70).coin(coin);
        MessageSignatures.sign(suite, owner.getPrivate(), assignment);
        LayeredCoinEncoder first = new LayeredCoinEncoder(format).wrap(scratch, 2000).to(3).from(2).seq(6)
            .inner(assignment);
        MessageSignatures.sign(suite, v.getPrivate(), first);
        UnsafeBuffer wire = new UnsafeBuffer(new byte[1024]);
        LayeredCoinEncoder second = new LayeredCoinEncoder(format).wrap(wire, 0).to(4).from(3).seq(7)
            .inner(first);
        MessageSignatures.sign(suite, x.getPrivate(), second);

        LayeredCoinDecoder outer = new LayeredCoinDecoder(format).wrap(wire, 0, second.encodedLength());
        assertEquals(4, outer.to());
        assertTrue(MessageSignatures.verify(suite, suite.publicKeyBytes(x.getPublic()), outer));
        LayeredCoinDecoder inner = outer.innerLayer();
        assertEquals(3, inner.to());
        assertEquals(6, inner.seq());
        assertTrue(MessageSignatures.verify(suite, suite.publicKeyBytes(v.getPublic()), inner));
        AssignmentDecoder core = inner.innerAssignment();
        assertEquals(5, core.seq());
        assertTrue(MessageSignatures.verify(suite, suite.publicKeyBytes(owner.getPublic()), core));
        assertTrue(MessageSignatures.verify(suite, suite.publicKeyBytes(broker.getPublic()), core.rawCoin()));
    }

    private static boolean innermostCoinIsSelfPrinted(UnsafeBuffer buffer, int layers) {
        int assignmentOffset = layers * LayeredCoin.INNER_OFFSET;
        return (buffer.getByte(assignmentOffset + Assignment.COIN_OFFSET) & 0xFF)
            == MessageType.SELF_PRINTED_COIN.code();
    }
}
