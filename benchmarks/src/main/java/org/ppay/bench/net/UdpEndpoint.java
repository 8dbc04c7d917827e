package org.ppay.bench.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** A connected blocking {@link DatagramChannel}: one datagram per message, as GUESS sends its queries and responses. */
final class UdpEndpoint implements Endpoint {

    private final DatagramChannel channel;
    private final ByteBuffer[] datagrams;
    private final ByteBuffer in;

    UdpEndpoint(DatagramChannel channel, byte[][] contents) {
        this.channel = channel;
        this.datagrams = new ByteBuffer[contents.length];
        int largest = 0;
        for (int i = 0; i < contents.length; i++) {
            datagrams[i] = ByteBuffer.allocateDirect(contents[i].length).put(contents[i]).flip();
            largest = Math.max(largest, contents[i].length);
        }
        this.in = ByteBuffer.allocateDirect(largest + 1);
    }

    @Override
    public void send(int index) throws IOException {
        channel.write(datagrams[index].rewind());
    }

    @Override
    public int receive() throws IOException {
        in.clear();
        return channel.read(in);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
