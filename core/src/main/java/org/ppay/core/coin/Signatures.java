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
        final byte[] key = keys.publicKey(signer);
        if (key == null) {
            throw new ProtocolException(Reason.UNKNOWN_PEER, what + ": signer " + signer + " has no account");
        }
        final int signed = length - suite.signatureLength();
        if (signed < Layout.HEADER) {
            throw new ProtocolException(Reason.MALFORMED, what + " is shorter than a signature");
        }
        if (!suite.verify(key, buffer, offset, signed, buffer, offset + signed)) {
            throw new ProtocolException(Reason.BAD_SIGNATURE, what + " is not signed by peer " + signer);
        }
    }
}
