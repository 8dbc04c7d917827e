package org.ppay.core.protocol;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ppay.core.crypto.CountingSuite;

/**
 * Random schedules over the accounting suite (the simulator's): invariants 1-3 of section 4.1 after every step;
 * at the end every fraudulent act is traced to its actor, no honest peer is convicted or short of money, and money
 * is conserved. Prints how many schedules ran and how many fraud cases were generated and caught.
 */
class SchedulePropertiesTest {

    private static final long SEED = 20031027L;

    @Test
    void shouldTraceEveryFraudToItsActorAndKeepHonestPeersWhole() {
        final Tally tally = new Tally();
        qt().withFixedSeed(SEED).withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            final Schedule schedule = new Schedule(seed, new CountingSuite());
            runWithTrace(schedule);
            tally.add(schedule);
        });
        System.out.println(tally.report());
    }

    /** The same schedules with real Ed25519 signatures: nothing in the outcome depends on the counting suite. */
    @Test
    void shouldHoldWithRealSignaturesToo() {
        qt().withFixedSeed(SEED).withExamples(25).forAll(longs().all())
                .checkAssert(seed -> runWithTrace(new Schedule(seed, TestSuites.ed25519())));
    }

    /** Runs a schedule; a failure carries the schedule's last steps, so it can be read without a debugger. */
    private static void runWithTrace(Schedule schedule) {
        try {
            schedule.run();
        } catch (AssertionError | RuntimeException e) {
            final List<String> trace = schedule.trace;
            throw new AssertionError(e.getMessage() + "\nlast steps:\n  " + String.join("\n  ",
                    trace.subList(Math.max(0, trace.size() - 30), trace.size())), e);
        }
    }

    /** What the schedules that passed generated: their fraudulent acts by kind and how the protocol met them. */
    private static final class Tally {

        private long schedules;
        private long acts;
        private long replications;
        private long doubleSpends;
        private long doubleCashes;
        private long prevented;
        private long unsurfaced;
        private long layeredThroughBroker;
        private long directAssignments;

        void add(Schedule schedule) {
            schedules++;
            prevented += schedule.prevented();
            unsurfaced += schedule.unsurfaced();
            layeredThroughBroker += schedule.layeredThroughBroker();
            directAssignments += schedule.directAssignments();
            for (Schedule.Act act : schedule.acts()) {
                acts++;
                switch (act.kind()) {
                    case "replication" -> replications++;
                    case "double-spend" -> doubleSpends++;
                    default -> doubleCashes++;
                }
            }
        }

        String report() {
            return String.format("ppay schedules: %d schedules, %d fraudulent acts generated (replication %d, owner "
                    + "double-spend %d, double cash %d), %d traced to their actor, %d never surfaced (the fake died "
                    + "in a payment its payee refused); %d attempts or payments refused outright; %d layered coins "
                    + "reassigned or renewed by the broker, %d direct assignments by an owner paid with its own coin",
                    schedules, acts, replications, doubleSpends, doubleCashes, acts - unsurfaced, unsurfaced, prevented,
                    layeredThroughBroker, directAssignments);
        }
    }
}
