package org.ppay.validation.node;

import java.util.List;

/**
 * Hands a process's frames to its {@link Node}. The frame warm-up serves its echo node through this same class, so the
 * deployment's frame path runs the code the warm-up compiled, with one more receiver type where it calls the node.
 */
record NodeHandler(Node node) implements FrameServer.Handler {

    @Override
    public byte[] handle(Frame request) {
        return node.handle(request);
    }

    @Override
    public List<byte[]> handleStreamed(Frame request) {
        return node.handleStreamed(request);
    }

    @Override
    public String operation(Frame request) {
        return Node.operation(request);
    }
}
