package org.ppay.validation.node;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    private final SignedOrder.Signer signer;

    /** The broker as peer {@code signer} reaches it: the stored requests it takes are its own, by its signed order. */
    RemoteBroker(Link link, Task task, Set<Long> storedFor, SignedOrder.Signer signer) {
        this.link = link;
        this.task = task;
        this.storedFor = storedFor;
        this.signer = signer;
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
    public List<byte[]> storedRequests(long ownerId) {
        checkOwn(ownerId);
        if (!storedFor.remove(ownerId)) {
            return List.of();
        }
        return fetch(ownerId, 0);
    }

    /** Sent at once, in an order that also lists what the broker still holds (read and dropped here). */
    @Override
    public void acknowledgeStoredRequests(long ownerId, int count) {
        checkOwn(ownerId);
        if (count > 0) {
            fetch(ownerId, count);
        }
    }

    /** A stored-requests order; when it fails, the broker keeps what it holds and the next return online asks again. */
    private List<byte[]> fetch(long ownerId, int acknowledged) {
        try {
            return signer.send(Frame.STORED_REQUESTS, SignedOrder.count(acknowledged),
                    order -> link.callStreamed(Frame.STORED_REQUESTS, task, 0, order));
        } catch (RuntimeException e) {
            storedFor.add(ownerId);
            throw e;
        }
    }

    private void checkOwn(long ownerId) {
        if (ownerId != signer.peerId()) {
            throw new IllegalArgumentException("peer " + signer.peerId() + " cannot take the stored requests of "
                    + ownerId);
        }
    }

    @Override
    public void reportFraud(Evidence evidence) {
        throw new IllegalStateException("fraud in a validation run, which has only honest peers: " + evidence);
    }
}
