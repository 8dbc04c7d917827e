package org.ppay.validation.node;

import java.util.List;

/** One process's part: answers protocol frames from other processes and commands from the driver. */
interface Node {

    /** Lines to print at start (after the port): {@code KEY id hex} for every key this process holds. */
    List<String> keyLines();

    /** A public key of another process's peer or broker. */
    void key(long id, byte[] publicKey);

    /** The clock moves to {@code seconds} (never back). */
    void time(long seconds);

    /** Answers one frame from another process. */
    byte[] handle(Frame request);

    /** Performs one schedule step; returns the reply text after OK (a printed coin's serial), or "". */
    String step(String[] fields);
}
