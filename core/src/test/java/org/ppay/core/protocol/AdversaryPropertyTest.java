package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.coin.Requests;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.peer.ProtocolException;

/**
 * An adversary that holds every message an honest owner O and an honest holder V signed in an honest run (the
 * assignments, a reassignment request, a layer, a downtime request, a renewal request, a cash request V has not sent
 * yet) and signs with its own keys (X and Y) but re-signs nothing of theirs. It may send any of those messages as
 * they are, as V or O re-sent them (the same bytes signed anew: ECDSA gives a new signature), with the signature
 * mauled without the key (ECDSA (r, n - s), Ed25519 (R, S + L)) or with any bit flipped; in any order, any number of
 * times; to the broker (cash, evidence, downtime replay) or the owner (reassign, peel, renew); it may wrap them in
 * its own cash requests and reassignment requests, and cash first before V does. V cashes its coin at some point.
 *
 * <p>Property, on every available suite: neither honest peer is ever convicted, and each ends with at least the
 * deposit plus balance the honest run alone gives it.
 */
class AdversaryPropertyTest {

    private static final int EXAMPLES = 60;
    private static final int STEP_INTS = 6;
    private static final Map<String, long[]> BASELINES = new ConcurrentHashMap<>();

    static Stream<SignatureSuite> suites() {
        return SignatureSuite.available().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldNeverConvictOrShortAnHonestPeerWhateverIsDoneWithItsSignedMessages(SignatureSuite suite) {
        final long[] baseline = BASELINES.computeIfAbsent(suite.name(), n -> play(suite, List.of()));
        qt().withFixedSeed(20031027L).withExamples(EXAMPLES)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 16 * STEP_INTS))
                .checkAssert(plan -> {
                    final long[] outcome = play(suite, plan);
                    assertEquals(0, outcome[2], "V convicted; plan " + plan);
                    assertEquals(0, outcome[3], "O convicted; plan " + plan);
                    assertTrue(outcome[0] >= baseline[0], "V has " + outcome[0] + " < " + baseline[0] + "; plan "
                            + plan);
                    assertTrue(outcome[1] >= baseline[1], "O has " + outcome[1] + " < " + baseline[1] + "; plan "
                            + plan);
                });
    }

    /**
     * Plays the honest run, then the adversary's steps (six numbers each) with V's cash placed among them, and returns
     * V's and O's money and convictions.
     */
    private static long[] play(SignatureSuite suite, List<Integer> plan) {
        final HonestRun run = new HonestRun(suite);
        final Adversary adversary = new Adversary(run);
        final int steps = plan.size() / STEP_INTS;
        final int honestCashAt = plan.isEmpty() ? 0 : plan.get(0) % (steps + 1);
        for (int i = 0; i <= steps; i++) {
            if (i == honestCashAt) {
                adversary.attempt(() -> run.broker.cash(run.cashC));
            }
            if (i < steps) {
                adversary.step(plan.subList(i * STEP_INTS, (i + 1) * STEP_INTS));
            }
        }
        adversary.attempt(() -> run.owner.comeOnline());
        return new long[] {run.money(HonestRun.V), run.money(HonestRun.O), run.broker.convictions(HonestRun.V),
            run.broker.convictions(HonestRun.O)};
    }

    /** What the adversary does with the honest run's messages. */
    private static final class Adversary {

        private final HonestRun run;
        /** Instruments X holds: those of the honest run, and their copies. */
        private final List<byte[]> xHolds = new ArrayList<>();
        /** Assignments Y got from X through the owner. */
        private final List<byte[]> yHolds = new ArrayList<>();

        Adversary(HonestRun run) {
            this.run = run;
            xHolds.addAll(run.heldByX);
        }

        void step(List<Integer> n) {
            final byte[] honest = variant(run.signed.get(n.get(1) % run.signed.size()), n.get(2), n.get(5));
            final byte[] other = variant(run.signed.get(n.get(3) % run.signed.size()), n.get(4), n.get(5) / 7);
            switch (n.get(0) % 8) {
                case 0 -> attempt(() -> run.broker.cash(honest));
                case 1 -> attempt(() -> run.broker.reportFraud(new Evidence(Evidence.Kind.REPLICATION, HonestRun.V,
                        HonestRun.O, serialOf(n.get(1)), honest, other, null)));
                case 2 -> attempt(() -> run.broker.reportFraud(new Evidence(Evidence.Kind.DOUBLE_SPEND, HonestRun.O,
                        HonestRun.O, serialOf(n.get(1)), honest, other, null)));
                case 3 -> attempt(() -> toOwner(honest));
                case 4 -> attempt(() -> toBroker(honest));
                case 5 -> {   // X cashes an instrument it holds, or a copy with V's or O's signature mauled
                    final byte[] held = instrumentOfX(n.get(2), n.get(5));
                    attempt(() -> run.broker.cash(run.writer.cashRequest(run.keysOf(HonestRun.X),
                            run.clock.nowSeconds(), held, 0, held.length)));
                }
                case 6 -> {   // X pays Y with an instrument it holds through the owner
                    final byte[] held = instrumentOfX(n.get(2), n.get(5));
                    attempt(() -> yHolds.add(run.owner.reassign(run.writer.reassignmentRequest(
                            run.keysOf(HonestRun.X), HonestRun.Y, held, 0, held.length))));
                }
                default -> {  // Y cashes what it got
                    if (!yHolds.isEmpty()) {
                        final byte[] held = yHolds.get(n.get(2) % yHolds.size());
                        attempt(() -> run.broker.cash(run.writer.cashRequest(run.keysOf(HonestRun.Y),
                                run.clock.nowSeconds(), held, 0, held.length)));
                    }
                }
            }
        }

        /** As sent, re-sent by its signer, mauled, or with one bit flipped. */
        private byte[] variant(HonestRun.Signed message, int kind, int bit) {
            final byte[] bytes = message.bytes();
            return switch (kind % 4) {
                case 0 -> bytes.clone();
                case 1 -> run.resigned(bytes, message.signer());
                case 2 -> run.mauled(bytes);
                default -> {
                    final byte[] flipped = bytes.clone();
                    final int at = bit % (8 * flipped.length);
                    flipped[at / 8] ^= (byte) (1 << (at % 8));
                    yield flipped;
                }
            };
        }

        private byte[] instrumentOfX(int which, int kind) {
            final byte[] held = xHolds.get(which % xHolds.size());
            return kind % 3 == 0 ? run.mauled(held) : held;
        }

        private long serialOf(int which) {
            final long[] serials = {run.serialA, run.serialB, run.serialC, run.serialD, run.serialE};
            return serials[which % serials.length];
        }

        private void toOwner(byte[] message) {
            final int type = Requests.type(message);
            if (type == Requests.RENEWAL) {
                run.owner.renew(message);
            } else if (type == Requests.LAYERED) {
                run.owner.peel(message);
            } else {
                run.owner.reassign(message);
            }
        }

        private void toBroker(byte[] message) {
            if (Requests.type(message) == Requests.RENEWAL) {
                run.broker.renewForOwner(message);
            } else {
                run.broker.reassignForOwner(message);
            }
        }

        /** Runs one attempt; a refusal is an answer, not a failure. */
        void attempt(Runnable action) {
            try {
                action.run();
            } catch (ProtocolException refused) {
                // refused (fraud found is a FraudDetectedException, also a refusal of the message in hand)
            }
        }
    }
}
