package org.ppay.core.crypto;

/**
 * Checks on a raw signature made before any provider sees it, so that every suite of an algorithm rejects the same
 * non-canonical signatures whatever its provider's own leniency, and the canonical form every suite signs in. With
 * both, a signature is the only valid one of its form for its message and key on every provider (no one but the
 * signer can make a second valid signature of the same bytes), except that ECDSA is randomised: the signer itself
 * makes a new one at every signing.
 */
enum SignaturePrecheck {

    /** RFC 8032: the scalar S must be below the group order. */
    ED25519 {
        @Override
        boolean plausible(byte[] signature, int offset) {
            return Ed25519Encoding.hasCanonicalScalar(signature, offset);
        }
    },

    /**
     * r in [1, n-1] and s in [1, (n-1)/2] (low S, as Bitcoin and Ethereum require): (r, n - s) verifies like (r, s)
     * in plain ECDSA, so anyone could otherwise turn one signature into a second; the high-S form is refused and
     * signatures are made low-S.
     */
    ECDSA {
        @Override
        boolean plausible(byte[] signature, int offset) {
            return EcdsaEncoding.hasScalarsInRange(signature, offset) && EcdsaEncoding.hasLowS(signature, offset);
        }

        @Override
        void canonicalise(byte[] signature, int offset) {
            EcdsaEncoding.makeLowS(signature, offset);
        }
    },

    /** The providers check that the signature, read as an integer, is below the modulus. */
    NONE {
        @Override
        boolean plausible(byte[] signature, int offset) {
            return true;
        }
    };

    abstract boolean plausible(byte[] signature, int offset);

    /** Rewrites a signature the provider just made into the one form {@link #plausible} accepts, in place. */
    void canonicalise(byte[] signature, int offset) {
        // Ed25519 and RSA PKCS#1 v1.5 signatures have one valid form already.
    }

    static SignaturePrecheck of(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> ED25519;
            case ECDSA_P256 -> ECDSA;
            case RSA2048 -> NONE;
        };
    }
}
