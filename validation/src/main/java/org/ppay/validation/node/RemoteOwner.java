package org.ppay.validation.node;

import java.util.List;
import org.ppay.core.owner.OwnerEndpoint;
import org.ppay.sim.load.Task;

/**
 * An owner in another process (or this one, through its own socket), reached with OWNER frames. The schedule only
 * sends a request to an owner it knows is online, so {@link #online()} does not ping.
 */
final class RemoteOwner implements OwnerEndpoint {

    private final long ownerId;
    private final Link link;
    private final Task task;

    RemoteOwner(long ownerId, Link link, Task task) {
        this.ownerId = ownerId;
        this.link = link;
        this.task = task;
    }

    @Override
    public long ownerId() {
        return ownerId;
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public byte[] reassign(byte[] request) {
        return link.call(Frame.OWNER, task, ownerId, request);
    }

    @Override
    public byte[] peel(byte[] layeredCoin) {
        return link.call(Frame.OWNER, task, ownerId, layeredCoin);
    }

    @Override
    public byte[] renew(byte[] renewalRequest) {
        return link.call(Frame.OWNER, task, ownerId, renewalRequest);
    }

    @Override
    public List<byte[]> relinquishments(long serial) {
        throw new UnsupportedOperationException("validation runs carry no arbitration between processes");
    }
}
