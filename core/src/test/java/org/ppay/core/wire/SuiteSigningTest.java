package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.crypto.SignatureSuite;

/**
 * Every message type signed in place and verified in place, with every suite the crypto registry makes
 * available; signed by one suite and verified by each other suite of the same algorithm.
 */
class SuiteSigningTest {

    static Stream<Arguments> signerAndVerifier() {
        List<SignatureSuite> suites = SignatureSuite.available();
        return suites.stream().flatMap(signer -> suites.stream()
            .filter(verifier -> verifier.algorithm() == signer.algorithm())
            .map(verifier -> Arguments.of(signer, verifier)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("signerAndVerifier")
    void shouldVerifyEveryMessageTypeSignedInPlace(SignatureSuite signer, SignatureSuite verifier) {
        WireFormat format = new WireFormat(signer.signatureLength(), 2);
        KeyPair keys = signer.generateKeyPair(new SecureRandom(new byte[] {4}));
        byte[] publicKey = signer.publicKeyBytes(keys.getPublic());
        RandomMessages random = new RandomMessages(format, 11);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[16 * 1024]);
        for (MessageType type : MessageType.values()) {
            int offset = 5;
            int length = random.write(type, buffer, offset);
            MessageSignatures.sign(signer, keys.getPrivate(), buffer, offset, length);

            assertTrue(MessageSignatures.verify(verifier, publicKey, buffer, offset, length), type.toString());
            int covered = offset + length - format.signatureLength() - 1;
            buffer.putByte(covered, (byte) (buffer.getByte(covered) ^ 0x40));
            assertFalse(MessageSignatures.verify(verifier, publicKey, buffer, offset, length), type + " altered");
        }
    }
}
