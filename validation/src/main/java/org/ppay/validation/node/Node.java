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

    /** Answers a frame whose reply is streamed ({@link Frame#STORED_REQUESTS}): the bodies, one frame each. */
    default List<byte[]> handleStreamed(Frame request) {
        throw new IllegalArgumentException("no streamed replies here, asked for kind " + request.kind());
    }

    /** The name a frame's handling is measured under: role and what it does, e.g. {@code broker.cash}. */
    static String operation(Frame request) {
        final String role = switch (request.kind()) {
            case Frame.PAY -> "holder.receive";
            case Frame.GUESS -> "guess.answer";
            case Frame.LIMIT_CERTIFICATE -> "broker.limit_certificate";
            case Frame.STORED_REQUESTS -> "broker.stored_requests";
            case Frame.OWNER -> "owner." + requestName(request.body());
            case Frame.BROKER -> "broker." + requestName(request.body());
            default -> "unknown";
        };
        return role;
    }

    private static String requestName(byte[] body) {
        if (body.length == 0) {
            return "empty";
        }
        return switch (body[0]) {
            case 0x06 -> "reassign";
            case 0x07 -> "peel";
            case 0x08 -> "renew";
            case 0x09 -> "cash";
            default -> "type_" + body[0];
        };
    }

    /** Performs one schedule step; returns the reply text after OK (a printed coin's serial), or "". */
    String step(String[] fields);
}
