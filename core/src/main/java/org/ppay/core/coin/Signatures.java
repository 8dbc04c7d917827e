package org.ppay.core.coin;

import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/** Checks the signature that ends a message against the signer's key in the directory. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * The message is {@code buffer[offset, offset + length)}; its last {@code suite.signatureLength()} bytes are the
     * signature over everything before them.
     */
    public static void check(KeyDirectory keys, SignatureSuite suite, long signer, byte[] buffer, int offset,
            int length, String what) {
        final byte[] key = signerKey(keys, signer, what);
        final int signed = signedLength(length, suite.signatureLength(), what);
        if (!suite.verify(key, buffer, offset, signed, buffer, offset + signed)) {
            throw badSignature(signer, what);
        }
    }

    /** The signer's key; {@link Reason#UNKNOWN_PEER} when the signer has no account. */
    public static byte[] signerKey(KeyDirectory keys, long signer, String what) {
        final byte[] key = keys.publicKey(signer);
        if (key == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, what + ": signer " + signer + " has no account");
        }
        return key;
    }

    /** How many bytes the signature covers; {@link Reason#MALFORMED} when the part is too short to be signed. */
    public static int signedLength(int length, int signatureLength, String what) {
        final int signed = length - signatureLength;
        if (signed < Layout.HEADER) {
            throw new ProtocolException(Reason.MALFORMED, what + " is shorter than a signature");
        }
        return signed;
    }

    /** The refusal of a signature that does not hold. */
    public static ProtocolException badSignature(long signer, String what) {
        return new ProtocolException(Reason.BAD_SIGNATURE, what + " is not signed by peer " + signer);
    }
}
