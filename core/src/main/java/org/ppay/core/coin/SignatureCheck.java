package org.ppay.core.coin;

/**
 * Checks the signature that ends one part of a message (the part is {@code buffer[offset, offset + length)}, its last
 * signature-length bytes the signature over the rest) and throws a {@link org.ppay.core.peer.ProtocolException} when
 * it does not hold. An {@link Instrument} checks through a suite against a key directory by default
 * ({@link Signatures#check}); the broker checks through its own verifier, and may recognise a limit certificate it
 * already knows ({@link #checkCertificate}).
 */
public interface SignatureCheck {

    void check(long signer, byte[] buffer, int offset, int length, String what);

    /** A limit certificate signed by the broker {@code signer}; by default checked as any other part. */
    default void checkCertificate(long signer, byte[] buffer, int offset, int length) {
        check(signer, buffer, offset, length, "limit certificate");
    }
}
