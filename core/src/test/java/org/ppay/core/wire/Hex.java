package org.ppay.core.wire;

import java.util.HexFormat;

/** Hex helpers for golden bytes: spaces and line breaks in expected hex are ignored. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String of(byte[] bytes, int offset, int length) {
        return HexFormat.of().formatHex(bytes, offset, offset + length);
    }

    /** S bytes counting up from {@code first}: a recognisable stand-in for a signature in golden tests. */
    static byte[] signaturePattern(WireFormat format, int first) {
        byte[] signature = new byte[format.signatureLength()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (first + i);
        }
        return signature;
    }
}
