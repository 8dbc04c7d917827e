package org.ppay.validation.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ppay.validation.node.NodeConfig;
import org.ppay.validation.node.NodeMain;

/**
 * One child JVM running {@link NodeMain}: the same java and class path as this process. Commands go to its stdin, one
 * answer line comes back on its stdout; its stderr goes to ours. A child that dies is reported with its exit code.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int port;
    /** The UDP port its peers answer GUESS probes on; 0 for the broker. */
    private final int guessPort;
    private final List<String> keyLines = new ArrayList<>();

    ChildProcess(String name, NodeConfig config) {
        this.name = name;
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this process")));
        command.add("-Xmx256m");
        // the JIT recording's chunks (JitEvents) stay inside the run's directory, which is removed with it
        command.add("-XX:FlightRecorderOptions=repository=" + config.directory().resolve("jfr"));
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NodeMain.class.getName());
        command.addAll(config.toArgs());
        try {
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        final String first = readLine();
        if (!first.startsWith("PORT ")) {
            throw new IllegalStateException(name + " said '" + first + "' instead of its port");
        }
        final String[] ports = first.substring(5).trim().split(" ");
        if (ports.length != 2) {
            throw new IllegalStateException(name + " said '" + first + "' instead of its TCP and UDP ports");
        }
        this.port = Integer.parseInt(ports[0]);
        this.guessPort = Integer.parseInt(ports[1]);
        String line;
        while (!(line = readLine()).equals("READY")) {
            if (!line.startsWith("KEY ")) {
                throw new IllegalStateException(name + " said '" + line + "' instead of a key");
            }
            keyLines.add(line);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int guessPort() {
        return guessPort;
    }

    long pid() {
        return process.pid();
    }

    List<String> keyLines() {
        return List.copyOf(keyLines);
    }

    /** Sends one command and returns the answer; an ERR answer throws, naming the command. */
    String send(String command) {
        in.println(command);
        final String answer = readLine();
        if (answer.startsWith("ERR ")) {
            throw new IllegalStateException(name + " failed '" + command + "': " + answer.substring(4));
        }
        return answer;
    }

    private String readLine() {
        try {
            final String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") died" + exitStatus());
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("lost " + name + " (pid " + process.pid() + "): " + e.getMessage(), e);
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " with exit code " + process.exitValue() : ", still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the child to exit, then destroys it if it has not within a few seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            in.println("EXIT");
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the child and waits (a few seconds at most) until it is gone, so its files can be removed. */
    void destroyForcibly() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
