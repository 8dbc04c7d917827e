package org.ppay.validation.node;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ppay.core.broker.BrokerEndpoint;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.fraud.Evidence;
import org.ppay.sim.load.Task;

/**
 * The broker process, reached with BROKER frames. An owner asks for stored requests only when the driver told it the
 * broker stored some while it was away (the owner's roles ask on every request; a round trip each time would be
 * traffic the protocol of section 3 does not have: the broker hands them over when the owner returns).
 */
final class RemoteBroker implements BrokerEndpoint {

    private final Link link;
    private final Task task;
    private final Set<Long> storedFor;

    RemoteBroker(Link link, Task task, Set<Long> storedFor) {
        this.link = link;
        this.task = task;
        this.storedFor = storedFor;
    }

    static Set<Long> newStoredSet() {
        return ConcurrentHashMap.newKeySet();
    }

    @Override
    public byte[] reassignForOwner(byte[] request) {
        return link.call(Frame.BROKER, task, 0, request);
    }

    @Override
    public byte[] renewForOwner(byte[] renewalRequest) {
        return link.call(Frame.BROKER, task, 0, renewalRequest);
    }

    @Override
    public CashReceipt cash(byte[] cashRequest) {
        final byte[] reply = link.call(Frame.BROKER, task, 0, cashRequest);
        if (reply.length != 8) {
            throw new IllegalStateException("a cash reply has 8 bytes, got " + reply.length);
        }
        return new CashReceipt(ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN).getLong(), null);
    }

    @Override
    public List<byte[]> takeStoredRequests(long ownerId) {
        if (!storedFor.remove(ownerId)) {
            return List.of();
        }
        final ByteBuffer reply = ByteBuffer.wrap(link.call(Frame.STORED_REQUESTS, task, ownerId, new byte[0]))
                .order(ByteOrder.LITTLE_ENDIAN);
        final int count = reply.getInt();
        final List<byte[]> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final byte[] message = new byte[reply.getInt()];
            reply.get(message);
            stored.add(message);
        }
        return stored;
    }

    @Override
    public void reportFraud(Evidence evidence) {
        throw new IllegalStateException("fraud in a validation run, which has only honest peers: " + evidence);
    }
}
