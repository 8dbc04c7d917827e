package org.ppay.core.broker;

import org.ppay.core.coin.SignatureCheck;
import org.ppay.core.coin.Signatures;
import org.ppay.core.peer.KeyDirectory;

/**
 * How the broker checks one signature: through its {@link BrokerVerifier}, with the key from its directory, and a
 * limit certificate it knows ({@link KnownCertificates}) not again. The refusals are {@link Signatures}'s. Thread-safe.
 */
final class BrokerChecks implements SignatureCheck {

    private final KeyDirectory directory;
    private final BrokerVerifier verifier;
    private final KnownCertificates known;
    private final int signatureLength;

    BrokerChecks(KeyDirectory directory, BrokerVerifier verifier, KnownCertificates known) {
        this.directory = directory;
        this.verifier = verifier;
        this.known = known;
        this.signatureLength = verifier.suite().signatureLength();
    }

    @Override
    public void check(long signer, byte[] buffer, int offset, int length, String what) {
        final byte[] key = Signatures.signerKey(directory, signer, what);
        final int signed = Signatures.signedLength(length, signatureLength, what);
        if (!verifier.verifyOne(key, buffer, offset, signed)) {
            throw Signatures.badSignature(signer, what);
        }
    }

    @Override
    public void checkCertificate(long signer, byte[] buffer, int offset, int length) {
        if (known.contains(buffer, offset, length)) {
            return;
        }
        check(signer, buffer, offset, length, "limit certificate");
        known.add(buffer, offset, length);
    }
}
