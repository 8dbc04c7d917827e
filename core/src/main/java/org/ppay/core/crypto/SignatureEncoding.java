package org.ppay.core.crypto;

import java.security.Signature;
import java.security.SignatureException;

/** How a JCA engine's signature bytes map to the suite's fixed-size raw signature. */
enum SignatureEncoding {

    /** The engine already speaks the raw form (Ed25519, RSA, ECDSA in P1363 format). */
    RAW {
        @Override
        void sign(Signature engine, byte[] out, int offset, int length) throws SignatureException {
            int written = engine.sign(out, offset, length);
            if (written != length) {
                throw new SignatureException(engine.getProvider().getName() + " wrote a " + written
                        + "-byte signature, expected " + length);
            }
        }

        @Override
        boolean verify(Signature engine, byte[] signature, int offset, int length) throws SignatureException {
            return engine.verify(signature, offset, length);
        }
    },

    /** The engine speaks ECDSA's DER SEQUENCE; the suite speaks 64-byte r||s. */
    ECDSA_DER {
        @Override
        void sign(Signature engine, byte[] out, int offset, int length) throws SignatureException {
            EcdsaEncoding.fromDer(engine.sign(), out, offset);
        }

        @Override
        boolean verify(Signature engine, byte[] signature, int offset, int length) throws SignatureException {
            return engine.verify(EcdsaEncoding.toDer(signature, offset));
        }
    };

    /** Finishes a signature begun on {@code engine} into exactly {@code length} bytes at {@code out[offset]}. */
    abstract void sign(Signature engine, byte[] out, int offset, int length) throws SignatureException;

    abstract boolean verify(Signature engine, byte[] signature, int offset, int length) throws SignatureException;
}
