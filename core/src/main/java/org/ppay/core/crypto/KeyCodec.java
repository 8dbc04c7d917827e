package org.ppay.core.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/** Keys of one algorithm on one provider, and their raw fixed-size public encoding. */
interface KeyCodec {

    /** The raw bytes of a public key; {@link IllegalArgumentException} for a key of the wrong kind. */
    byte[] encode(PublicKey key);

    /** The provider's key for raw public key bytes; {@link IllegalArgumentException} naming what is malformed. */
    PublicKey decode(byte[] raw);

    /** The provider's key for PKCS#8 bytes; {@link IllegalArgumentException} when malformed. */
    PrivateKey privateKey(byte[] pkcs8);

    KeyPair generate(SecureRandom random);
}
