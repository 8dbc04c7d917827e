package org.ppay.core.coin;

import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;

/**
 * {@link Signatures#check} as a reusable {@link SignatureCheck}: an {@link Instrument} keeps one and points it at the
 * directory and suite of each call, so checking through the directory allocates nothing. Not thread-safe, like the
 * instrument that owns it.
 */
final class DirectoryCheck implements SignatureCheck {

    private KeyDirectory keys;
    private SignatureSuite suite;

    DirectoryCheck using(KeyDirectory keys, SignatureSuite suite) {
        this.keys = keys;
        this.suite = suite;
        return this;
    }

    @Override
    public void check(long signer, byte[] buffer, int offset, int length, String what) {
        Signatures.check(keys, suite, signer, buffer, offset, length, what);
    }
}
