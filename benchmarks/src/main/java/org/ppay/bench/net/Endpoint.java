package org.ppay.bench.net;

import java.io.Closeable;
import java.io.IOException;

/** One end of a loopback connection that sends pre-built messages and receives whole ones, blocking. */
interface Endpoint extends Closeable {

    /** Sends the pre-built message {@code index} (cycled from a small array). */
    void send(int index) throws IOException;

    /** Blocks until one whole message has arrived; returns its size in bytes, or -1 when the other end closed. */
    int receive() throws IOException;
}
