package org.ppay.validation.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.ppay.core.crypto.SignatureSuite;

/**
 * The main class of every child process (broker or peers). It warms up privately (the protocol, then its frame path),
 * prints {@code PORT tcp udp} (its frame port and its GUESS port, 0 at the broker), its {@code KEY id hex} lines and
 * {@code READY}, then obeys one command per line on stdin and answers each with one line on stdout:
 * {@code NODE index tcpPort udpPort}, {@code HOST peer node}, {@code CONNECT}, {@code KEY id hex},
 * {@code TIME seconds}, {@code STEP ...} (answer {@code OK [value]} or {@code ERR reason}), {@code WARMUP} (the
 * private warm-up again), {@code REPORT} (answer {@code REPORT} and the meter's numbers), {@code OPERATIONS},
 * {@code RESET} (forget what was measured, the JIT's doings too), {@code JIT START} (record what the JIT does),
 * {@code JIT} (answer {@code JIT} and what it did since, ending the recording; see {@link JitEvents}) and
 * {@code EXIT}. Its stdin closing
 * (the driver gone) ends it too.
 */
public final class NodeMain {

    /**
     * How many coins a child moves through every step at most in its private warm-up (C2 compiles a path after some
     * thousands of calls); the driver bounds its time.
     */
    private static final int WARM_UP_COINS = 3_000;

    /** How many frames a child exchanges with itself at most in its private warm-up (see {@link FrameWarmUp}). */
    private static final int WARM_UP_FRAMES = 10_000;

    private NodeMain() {
    }

    public static void main(String[] args) throws IOException {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final NodeConfig config = NodeConfig.parse(args);
        final SignatureSuite suite = SignatureSuite.of(config.suite());
        final FrameLimit limit = FrameLimit.of(suite, config.maxLayers());
        final Runnable warmUp = () -> {
            WarmUp.run(suite, config.warmUpMillis() * 1_000_000L, WARM_UP_COINS, config.directory());
            FrameWarmUp.run(WARM_UP_FRAMES, config.warmUpMillis() * 1_000_000L, limit);
        };
        warmUp.run();
        final Meter meter = new Meter();
        final Node node = config.broker() ? new BrokerNode(config, suite) : new PeerHost(config, suite, meter);
        final FrameServer.Handler handler = new NodeHandler(node);
        final JitEvents jit = new JitEvents(config.directory().resolve("jit"));
        try (FrameServer server = new FrameServer(handler, meter, limit);
             GuessServer guess = config.broker() ? null : new GuessServer(handler, meter)) {
            out.println("PORT " + server.port() + " " + (guess == null ? 0 : guess.port()));
            node.keyLines().forEach(out::println);
            final Control control = new Control(node, meter, warmUp, jit);
            out.println("READY");
            final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("EXIT")) {
                    break;
                }
                out.println(answer(control, line));
            }
        } finally {
            jit.close();
            if (node instanceof PeerHost host) {
                host.close();
            }
        }
        System.exit(0);
    }

    /** What the driver's commands act on. */
    private record Control(Node node, Meter meter, Runnable warmUp, JitEvents jit) {
    }

    private static String answer(Control control, String line) {
        final Node node = control.node();
        final Meter meter = control.meter();
        final String[] f = line.split(" ");
        try {
            switch (f[0]) {
                case "NODE" -> ((PeerHost) node).route(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]));
                case "HOST" -> ((PeerHost) node).host(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                case "CONNECT" -> ((PeerHost) node).connectOwners();
                case "KEY" -> node.key(Long.parseLong(f[1]), HexFormat.of().parseHex(f[2]));
                case "TIME" -> node.time(Long.parseLong(f[1]));
                case "STEP" -> {
                    return ("OK " + node.step(f)).trim();
                }
                case "REPORT" -> {
                    meter.awaitRecorded();
                    return "REPORT " + meter.encode();
                }
                case "WARMUP" -> control.warmUp().run();
                case "RESET" -> {
                    meter.awaitRecorded();
                    meter.reset();
                    control.jit().forgetSoFar();
                }
                case "JIT" -> {
                    if (f.length > 1 && f[1].equals("START")) {
                        control.jit().start();
                    } else {
                        return "JIT " + control.jit().summarize();
                    }
                }
                case "OPERATIONS" -> {
                    meter.awaitRecorded();
                    return "OPERATIONS " + meter.encodeOperations();
                }
                default -> throw new IllegalArgumentException("unknown command '" + f[0] + "'");
            }
            return "OK";
        } catch (RuntimeException e) {
            return "ERR " + (e.getClass().getSimpleName() + ": " + e.getMessage()).replace('\n', ' ');
        }
    }
}
