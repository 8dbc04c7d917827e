package org.ppay.core.wire;

/**
 * The two bytes every message starts with.
 * <pre>
 *   0        1         2
 *   +--------+---------+
 *   | type:1 | version |
 *   +--------+---------+
 * </pre>
 */
public final class MessageHeader {

    public static final int TYPE_OFFSET = 0;
    public static final int VERSION_OFFSET = 1;
    public static final int ENCODED_LENGTH = 2;
    /** The only version this build writes and reads. */
    public static final int VERSION = 1;

    private MessageHeader() {
    }
}
