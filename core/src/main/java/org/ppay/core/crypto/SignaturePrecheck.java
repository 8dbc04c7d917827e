package org.ppay.core.crypto;

/**
 * Checks on a raw signature made before any provider sees it, so that every suite of an algorithm rejects the same
 * non-canonical signatures whatever its provider's own leniency.
 */
enum SignaturePrecheck {

    /** RFC 8032: the scalar S must be below the group order. */
    ED25519 {
        @Override
        boolean plausible(byte[] signature, int offset) {
            return Ed25519Encoding.hasCanonicalScalar(signature, offset);
        }
    },

    /** r and s in [1, n-1]; both s and n - s are accepted, as ECDSA itself does. */
    ECDSA {
        @Override
        boolean plausible(byte[] signature, int offset) {
            return EcdsaEncoding.hasScalarsInRange(signature, offset);
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

    static SignaturePrecheck of(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> ED25519;
            case ECDSA_P256 -> ECDSA;
            case RSA2048 -> NONE;
        };
    }
}
