package org.ppay.validation.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child process is told what to be: {@code broker|peers suite maxLayers periodSeconds windowSeconds dir
 * warmUpMillis [peerIndex,...]}. The driver builds it; {@link NodeMain} parses it. {@code warmUpMillis} bounds the
 * child's private warm-up before it reports ready.
 */
public record NodeConfig(boolean broker, String suite, int maxLayers, long periodSeconds, long windowSeconds,
                         Path directory, long warmUpMillis, List<Integer> peers) {

    public NodeConfig {
        peers = List.copyOf(peers);
        if (warmUpMillis < 0) {
            throw new IllegalArgumentException("a warm-up cannot last " + warmUpMillis + " ms");
        }
        if (!broker && peers.isEmpty()) {
            throw new IllegalArgumentException("a peer process hosts at least one peer");
        }
    }

    public List<String> toArgs() {
        final List<String> args = new ArrayList<>(List.of(broker ? "broker" : "peers", suite,
                Integer.toString(maxLayers), Long.toString(periodSeconds), Long.toString(windowSeconds),
                directory.toString(), Long.toString(warmUpMillis)));
        if (!broker) {
            final StringBuilder list = new StringBuilder();
            for (int p : peers) {
                list.append(list.length() == 0 ? "" : ",").append(p);
            }
            args.add(list.toString());
        }
        return args;
    }

    public static NodeConfig parse(String[] args) {
        if (args.length < 7 || !(args[0].equals("broker") || args[0].equals("peers"))) {
            throw new IllegalArgumentException("usage: broker|peers suite maxLayers periodSeconds windowSeconds dir "
                    + "warmUpMillis [peer,...]");
        }
        final boolean broker = args[0].equals("broker");
        final List<Integer> peers = new ArrayList<>();
        if (!broker) {
            if (args.length != 8) {
                throw new IllegalArgumentException("a peer process needs its list of peers");
            }
            for (String p : args[7].split(",")) {
                peers.add(Integer.parseInt(p));
            }
        }
        return new NodeConfig(broker, args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]),
                Long.parseLong(args[4]), Path.of(args[5]), Long.parseLong(args[6]), peers);
    }

    /** The protocol id of peer index {@code p}; the broker is 0. */
    public static long peerId(int p) {
        return p + 1L;
    }
}
