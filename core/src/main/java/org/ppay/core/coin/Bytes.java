package org.ppay.core.coin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads and writes of wire fields in a byte array. */
final class Bytes {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    static long getLong(byte[] b, int offset) {
        return (long) LONG.get(b, offset);
    }

    /** An unsigned 4-byte field. */
    static long getUint(byte[] b, int offset) {
        return ((int) INT.get(b, offset)) & 0xFFFF_FFFFL;
    }

    static void putLong(byte[] b, int offset, long value) {
        LONG.set(b, offset, value);
    }

    static void putUint(byte[] b, int offset, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value " + value + " does not fit an unsigned 4-byte field");
        }
        INT.set(b, offset, (int) value);
    }
}
