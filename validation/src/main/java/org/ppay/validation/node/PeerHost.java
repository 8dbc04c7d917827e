package org.ppay.validation.node;

import static org.ppay.validation.node.NodeConfig.peerId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;
import org.ppay.core.broker.Tariff;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.Requests;
import org.ppay.core.credit.SoftCreditWindows;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.owner.OwnerEndpoint;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;
import org.ppay.core.transport.FrameHeader;
import org.ppay.sim.load.Task;
import org.ppay.validation.schedule.Step;
import org.ppay.validation.schedule.StepKind;

/**
 * A peer process: the core's owner and holder roles of each peer it hosts, each owner with a memory-mapped audit trail
 * on disk, and a soft credit window book. It performs the schedule steps the driver sends for its peers, talking to
 * other processes (and to itself) only through sockets, and answers their frames.
 */
final class PeerHost implements Node {

    static final Tariff TARIFF = new Tariff(100, 2, 5, 50, 1_000, 1, 3_600);
    /** Serials in each peer's limit certificate: more than a validation run prints. */
    static final int CERTIFICATE_SERIALS = 1 << 20;
    /** GUESS sizes of the simulator (headers included), so that socket bytes compare one to one. */
    static final int GUESS_QUERY_BYTES = 94;
    static final int GUESS_MISS_BYTES = 108;
    static final int GUESS_HIT_BYTES = 184;
    private static final int AUDIT_SEGMENT_BYTES = 4 << 20;

    private final NodeConfig config;
    private final Meter meter;
    private final FrameLimit limit;
    private final ManualClock clock = new ManualClock(0);
    private final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
    private final Map<Integer, Hosted> hosted = new HashMap<>();
    private final Map<Integer, Link> links = new HashMap<>();
    private final Map<Integer, Integer> guessPorts = new HashMap<>();
    private final GuessLink guess;
    private final Map<Integer, Integer> nodeOfPeer = new HashMap<>();
    private final Set<Long> storedFor = RemoteBroker.newStoredSet();
    private final List<MappedAuditTrail> trails = new ArrayList<>();

    /** One hosted peer's roles. */
    private record Hosted(int index, PeerKeys keys, Owner owner, Holder holder, SoftCreditWindows credit,
                          SignedOrder.Signer orders) {
    }

    PeerHost(NodeConfig config, SignatureSuite suite, Meter meter) {
        this.config = config;
        this.meter = meter;
        this.limit = FrameLimit.of(suite, config.maxLayers());
        this.guess = new GuessLink(meter);
        final RenewalSchedule schedule = new RenewalSchedule(config.periodSeconds(), config.windowSeconds());
        final SecureRandom random = new SecureRandom();
        for (int p : config.peers()) {
            final KeyPair pair = suite.generateKeyPair(random);
            final PeerKeys keys = new PeerKeys(peerId(p), pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
            directory.register(keys.peerId(), keys.publicKey());
            final MappedAuditTrail trail = openTrail(config.directory().resolve("audit-peer-" + p));
            trails.add(trail);
            // engines of its own, as a peer in a process of its own signs: one shared engine would change key on
            // almost every signature, which a real peer never pays (SignatureSuite.separate)
            final SignatureSuite own = SignatureSuite.separate(suite.name());
            final Owner owner = new Owner(keys, 0, own, directory, clock, new EpochMeteredTrail(trail, meter),
                    schedule, config.maxLayers());
            final Holder holder = new Holder(keys, 0, own, directory, clock, config.maxLayers());
            hosted.put(p, new Hosted(p, keys, owner, holder,
                    new SoftCreditWindows(Long.MAX_VALUE / 4, SoftCreditWindows.NO_CAP),
                    new SignedOrder.Signer(keys, own)));
        }
    }

    private static MappedAuditTrail openTrail(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create audit directory " + directory, e);
        }
        return MappedAuditTrail.open(directory, AUDIT_SEGMENT_BYTES, Durability.none());
    }

    /** Process {@code node} listens on {@code port}; node 0 is the broker. */
    void route(int node, int port, int guessPort) {
        links.put(node, new Link(port, meter, limit));
        guessPorts.put(node, guessPort);
    }

    void host(int peer, int node) {
        nodeOfPeer.put(peer, node);
    }

    /** The broker link exists once routes are known: connect every owner to it. */
    void connectOwners() {
        for (Hosted h : hosted.values()) {
            h.owner().connect(new RemoteBroker(broker(), Task.REASSIGNMENT, storedFor, h.orders()));
        }
    }

    void close() {
        guess.close();
        links.values().forEach(Link::close);
        trails.forEach(MappedAuditTrail::close);
    }

    @Override
    public List<String> keyLines() {
        final List<String> lines = new ArrayList<>();
        for (Hosted h : hosted.values()) {
            lines.add("KEY " + h.keys().peerId() + " " + HexFormat.of().formatHex(h.keys().publicKey()));
        }
        return lines;
    }

    @Override
    public void key(long id, byte[] publicKey) {
        if (directory.publicKey(id) == null) {
            directory.register(id, publicKey);
        }
    }

    @Override
    public void time(long seconds) {
        if (seconds > clock.nowSeconds()) {
            clock.setSeconds(seconds);
        }
    }

    // ---- answering other processes ----

    @Override
    public byte[] handle(Frame request) {
        final Hosted peer = hostedById(request.to());
        final byte[] body = request.body();
        switch (request.kind()) {
            case Frame.PAY -> {
                peer.holder().receive(body);
                return new byte[0];
            }
            case Frame.OWNER -> {
                final int type = Requests.type(body);
                if (type == Requests.REASSIGNMENT) {
                    return peer.owner().reassign(body);
                }
                if (type == Requests.LAYERED) {
                    return peer.owner().peel(body);
                }
                if (type == Requests.RENEWAL) {
                    return peer.owner().renew(body);
                }
                throw new IllegalArgumentException("an owner takes no message of type " + type);
            }
            case Frame.GUESS -> {
                if (body.length != GUESS_QUERY_BYTES - FrameHeader.BYTES) {
                    throw new IllegalArgumentException("a GUESS query has " + (GUESS_QUERY_BYTES - FrameHeader.BYTES)
                            + " bytes, got " + body.length);
                }
                final ByteBuffer query = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
                final boolean hit = query.get() == 1;
                final long querier = query.getLong();
                final long before = Meter.threadCpuNanos();
                peer.credit().serve(querier);
                final long creditNanos = Meter.cpuNanosSince(before);
                meter.nested(Task.MISC, creditNanos);
                return new byte[(hit ? GUESS_HIT_BYTES : GUESS_MISS_BYTES) - FrameHeader.BYTES];
            }
            default -> throw new IllegalArgumentException("a peer takes no frame of kind " + request.kind());
        }
    }

    // ---- performing steps ----

    /** Fields: {@code STEP kind time actor coin other task ownerId serial}. */
    @Override
    public String step(String[] fields) {
        if (fields.length != 9) {
            throw new IllegalArgumentException("STEP needs 8 fields, got " + (fields.length - 1));
        }
        final Step step = Step.decode(String.join(" ", List.of(fields).subList(1, 7)));
        final CoinKey coin = new CoinKey(Long.parseLong(fields[7]), Long.parseLong(fields[8]));
        final Hosted actor = hosted.get(step.actor());
        if (actor == null) {
            throw new IllegalArgumentException("peer " + step.actor() + " is not hosted here");
        }
        time(step.timeSeconds());
        meter.takeSetAside();
        final long start = Meter.threadCpuNanos();
        try {
            return perform(step, actor, coin);
        } finally {
            final long nanos = Meter.cpuNanosSince(start) - meter.takeSetAside();
            meter.cpu(step.task(), nanos);
            meter.operation("step." + step.kind().name().toLowerCase(java.util.Locale.ROOT), nanos);
        }
    }

    private String perform(Step step, Hosted actor, CoinKey coin) {
        final Task task = step.task();
        final Holder holder = actor.holder();
        switch (step.kind()) {
            case LIMIT_CERTIFICATE -> {
                final byte[] count = ByteBuffer.allocate(SignedOrder.COUNT_BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN).putInt(CERTIFICATE_SERIALS).array();
                actor.owner().addLimitCertificate(actor.orders().send(Frame.LIMIT_CERTIFICATE, count,
                        order -> broker().call(Frame.LIMIT_CERTIFICATE, task, 0, order)));
            }
            case PRINT -> {
                return Long.toString(actor.owner().printCoin());
            }
            case ASSIGN -> {
                final long payee = peerId(step.other());
                // an owner paid with its own coin assigns it again directly (one signature), as the model counts
                final byte[] payment = actor.owner().assign(coin.serial(), payee);
                if (holder.holds(coin)) {
                    holder.drop(coin);
                }
                deliver(step.other(), task, payment);
            }
            case REASSIGN_VIA_OWNER -> {
                final long payee = peerId(step.other());
                deliver(step.other(), task, holder.payViaOwner(coin, payee, owner(coin, task)));
            }
            case REASSIGN_VIA_BROKER -> deliver(step.other(), task,
                    holder.payViaBroker(coin, peerId(step.other()), remoteBroker(task, actor)));
            case ADD_LAYER -> deliver(step.other(), task, holder.payByLayer(coin, peerId(step.other())));
            case PEEL -> actor.owner().takeBack(holder.instrument(coin));
            case RENEW_VIA_OWNER -> holder.renew(coin, owner(coin, task), null);
            case RENEW_OWN -> actor.owner().renewHeld(coin.serial());
            case RENEW_VIA_BROKER -> holder.renew(coin, null, remoteBroker(task, actor));
            case FORFEIT -> {
                if (holder.holds(coin)) {
                    holder.drop(coin);
                }
            }
            case CASH -> {
                final Owner owner = actor.owner();
                if (coin.owner() == actor.keys().peerId() && owner.holdsItself(coin.serial())) {
                    // the owner holds its own coin: it cashes the bare coin, as the simulator's roles do
                    remoteBroker(task, actor).cash(owner.cashRequestForHeld(coin.serial()));
                    if (holder.holds(coin)) {
                        holder.drop(coin);
                    }
                } else {
                    holder.cash(coin, remoteBroker(task, actor));
                }
            }
            case PROBE -> probe(step, actor);
            case COME_ONLINE -> {
                if (step.coin() == 1) {
                    storedFor.add(actor.keys().peerId());
                }
                actor.owner().comeOnline();
            }
            case GO_OFFLINE -> actor.owner().goOffline();
            default -> throw new IllegalArgumentException("unknown step " + step.kind());
        }
        return "";
    }

    private void probe(Step step, Hosted actor) {
        final long before = Meter.threadCpuNanos();
        actor.credit().consume(peerId(step.other()));
        final long creditNanos = Meter.cpuNanosSince(before);
        meter.nested(Task.MISC, creditNanos);
        final byte[] query = new byte[GUESS_QUERY_BYTES - FrameHeader.BYTES];
        ByteBuffer.wrap(query).order(ByteOrder.LITTLE_ENDIAN).put((byte) step.coin()).putLong(actor.keys().peerId());
        final byte[] response = guess.probe(Task.GUESS, peerId(step.other()), query, guessPort(step.other()));
        final int expected = (step.coin() == 1 ? GUESS_HIT_BYTES : GUESS_MISS_BYTES) - FrameHeader.BYTES;
        if (response.length != expected) {
            throw new IllegalStateException("GUESS response of " + response.length + " bytes, expected " + expected);
        }
    }

    private void deliver(int payee, Task task, byte[] payment) {
        link(payee).call(Frame.PAY, task, peerId(payee), payment);
    }

    private OwnerEndpoint owner(CoinKey coin, Task task) {
        final int ownerIndex = (int) coin.owner() - 1;
        return new RemoteOwner(coin.owner(), link(ownerIndex), task);
    }

    private RemoteBroker remoteBroker(Task task, Hosted actor) {
        return new RemoteBroker(broker(), task, storedFor, actor.orders());
    }

    private Link broker() {
        final Link link = links.get(0);
        if (link == null) {
            throw new IllegalStateException("the broker's port is not known yet");
        }
        return link;
    }

    private int guessPort(int peer) {
        final Integer node = nodeOfPeer.get(peer);
        final Integer port = node == null ? null : guessPorts.get(node);
        if (port == null || port == 0) {
            throw new IllegalArgumentException("no GUESS port is known for peer " + peer);
        }
        return port;
    }

    private Link link(int peer) {
        final Integer node = nodeOfPeer.get(peer);
        if (node == null || links.get(node) == null) {
            throw new IllegalArgumentException("no process is known to host peer " + peer);
        }
        return links.get(node);
    }

    private Hosted hostedById(long id) {
        final Hosted peer = hosted.get((int) id - 1);
        if (peer == null) {
            throw new IllegalArgumentException("peer id " + id + " is not hosted here");
        }
        return peer;
    }
}
