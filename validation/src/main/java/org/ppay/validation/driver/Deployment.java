package org.ppay.validation.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ppay.validation.node.NodeConfig;

/**
 * The processes of one validation run on loopback: process 0 is the broker, processes 1..J host the peers
 * round-robin (peer p on process 1 + p mod J). Each gets a directory for its audit trails under a temporary
 * directory, which {@link #close()} removes with the processes; a shutdown hook stops them if this JVM exits first.
 */
public final class Deployment implements AutoCloseable {

    private final Path directory;
    private final List<ChildProcess> children = new ArrayList<>();
    private final int peerJvms;
    private final Thread shutdownHook;

    /** A deployment whose children warm up privately for at most 2 s. */
    public Deployment(int peers, int peerJvms, String suite, int maxLayers, long periodSeconds, long windowSeconds) {
        this(peers, peerJvms, suite, maxLayers, periodSeconds, windowSeconds, 2_000);
    }

    /** @param childWarmUpMillis how long each child may run the protocol privately before it reports ready */
    public Deployment(int peers, int peerJvms, String suite, int maxLayers, long periodSeconds, long windowSeconds,
            long childWarmUpMillis) {
        if (peerJvms < 1 || peerJvms > peers) {
            throw new IllegalArgumentException("--peer-jvms must be in 1..peers = " + peers + ", got " + peerJvms);
        }
        this.peerJvms = peerJvms;
        try {
            this.directory = Files.createTempDirectory("ppay-validate-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        this.shutdownHook = new Thread(this::destroyAllAndDelete, "ppay-validate-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            children.add(new ChildProcess("broker", new NodeConfig(true, suite, maxLayers, periodSeconds,
                    windowSeconds, directory.resolve("broker"), childWarmUpMillis, List.of())));
            for (int j = 0; j < peerJvms; j++) {
                final List<Integer> hosted = new ArrayList<>();
                for (int p = j; p < peers; p += peerJvms) {
                    hosted.add(p);
                }
                children.add(new ChildProcess("peer JVM " + (j + 1), new NodeConfig(false, suite, maxLayers,
                        periodSeconds, windowSeconds, directory.resolve("peers-" + (j + 1)), childWarmUpMillis,
                        hosted)));
            }
            introduce(peers);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Every process learns every key; peer processes learn every port (TCP and GUESS's UDP) and who hosts which peer. */
    private void introduce(int peers) {
        final List<String> keys = new ArrayList<>();
        children.forEach(child -> keys.addAll(child.keyLines()));
        for (ChildProcess child : children) {
            for (String key : keys) {
                child.send(key);
            }
        }
        for (int node = 1; node < children.size(); node++) {
            final ChildProcess child = children.get(node);
            for (int other = 0; other < children.size(); other++) {
                child.send("NODE " + other + " " + children.get(other).port() + " " + children.get(other).guessPort());
            }
            for (int p = 0; p < peers; p++) {
                child.send("HOST " + p + " " + nodeOf(p));
            }
            child.send("CONNECT");
        }
    }

    /**
     * Every child starts recording what its JIT does ({@code JIT START}); a reset forgets what it did before, and
     * {@link Replay#jit()} reads and ends the recording.
     */
    public void recordJit() {
        tellEach("JIT START");
    }

    /** Every child runs its private warm-up again, one after the other. */
    public void warmUpPrivately() {
        tellEach("WARMUP");
    }

    /**
     * Sends {@code command} to every child, broker first, and returns what each answered after the word
     * {@code answer}; an answer that is not that word (alone or followed by a space) throws, naming the child.
     */
    List<String> askEach(String command, String answer) {
        final List<String> payloads = new ArrayList<>();
        for (ChildProcess child : children) {
            final String line = child.send(command);
            if (!line.equals(answer) && !line.startsWith(answer + " ")) {
                throw new IllegalStateException(child.name() + " answered '" + line + "' to " + command);
            }
            payloads.add(line.substring(Math.min(line.length(), answer.length() + 1)));
        }
        return payloads;
    }

    /** Sends {@code command} to every child, broker first; each must answer OK. */
    void tellEach(String command) {
        askEach(command, "OK");
    }

    public int nodeOf(int peer) {
        return 1 + peer % peerJvms;
    }

    ChildProcess broker() {
        return children.get(0);
    }

    ChildProcess node(int index) {
        return children.get(index);
    }

    public int size() {
        return children.size();
    }

    public Path directory() {
        return directory;
    }

    /** The pid of every child, broker first. */
    public List<Long> pids() {
        return children.stream().map(ChildProcess::pid).toList();
    }

    @Override
    public void close() {
        for (ChildProcess child : children) {
            child.close();
        }
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
        deleteDirectory();
    }

    private void destroyAll() {
        children.forEach(ChildProcess::destroyForcibly);
    }

    /**
     * The shutdown hook's cleanup: nothing may be left behind, and nothing may throw. It can run while the driver's
     * own {@link #close()} runs, so removing the directory is synchronized.
     */
    private void destroyAllAndDelete() {
        destroyAll();
        try {
            deleteDirectory();
        } catch (UncheckedIOException e) {
            System.err.println("ppay validate: " + e.getMessage());
        }
    }

    private synchronized void deleteDirectory() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e.getCause());
        }
    }
}
