package org.ppay.core.protocol;

import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ppay.core.crypto.CountingSuite;

/**
 * Random schedules over the accounting suite (the simulator's): invariants 1-3 of section 4.1 after every step;
 * at the end every fraudulent act is traced to its actor, no honest peer is convicted or short of money, and money
 * is conserved. Prints how many fraud cases were generated and caught.
 */
class SchedulePropertiesTest {

    private static final AtomicLong SCHEDULES = new AtomicLong();
    private static final AtomicLong ACTS = new AtomicLong();
    private static final AtomicLong REPLICATIONS = new AtomicLong();
    private static final AtomicLong DOUBLE_SPENDS = new AtomicLong();
    private static final AtomicLong DOUBLE_CASHES = new AtomicLong();
    private static final AtomicLong PREVENTED = new AtomicLong();
    private static final AtomicLong UNSURFACED = new AtomicLong();
    private static final AtomicLong LAYERED_THROUGH_BROKER = new AtomicLong();
    private static final AtomicLong DIRECT_ASSIGNMENTS = new AtomicLong();

    @Property(tries = 1000, seed = "20031027")
    void shouldTraceEveryFraudToItsActorAndKeepHonestPeersWhole(@ForAll long seed) {
        final Schedule schedule = new Schedule(seed, new CountingSuite());
        runWithTrace(schedule);
        SCHEDULES.incrementAndGet();
        PREVENTED.addAndGet(schedule.prevented());
        UNSURFACED.addAndGet(schedule.unsurfaced());
        LAYERED_THROUGH_BROKER.addAndGet(schedule.layeredThroughBroker());
        DIRECT_ASSIGNMENTS.addAndGet(schedule.directAssignments());
        for (Schedule.Act act : schedule.acts()) {
            ACTS.incrementAndGet();
            switch (act.kind()) {
                case "replication" -> REPLICATIONS.incrementAndGet();
                case "double-spend" -> DOUBLE_SPENDS.incrementAndGet();
                default -> DOUBLE_CASHES.incrementAndGet();
            }
        }
    }

    /** The same schedules with real Ed25519 signatures: nothing in the outcome depends on the counting suite. */
    @Property(tries = 25)
    void shouldHoldWithRealSignaturesToo(@ForAll long seed) {
        runWithTrace(new Schedule(seed, TestSuites.ed25519()));
    }

    /** Runs a schedule; a failure carries the schedule's last steps, so it can be read without a debugger. */
    private static void runWithTrace(Schedule schedule) {
        try {
            schedule.run();
        } catch (AssertionError | RuntimeException e) {
            final java.util.List<String> trace = schedule.trace;
            throw new AssertionError(e.getMessage() + "\nlast steps:\n  " + String.join("\n  ",
                    trace.subList(Math.max(0, trace.size() - 30), trace.size())), e);
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("ppay schedules: %d schedules, %d fraudulent acts generated (replication %d, owner "
                + "double-spend %d, double cash %d), %d traced to their actor, %d never surfaced (the fake died in "
                + "a payment its payee refused); %d attempts or payments refused outright; %d layered coins "
                + "reassigned or renewed by the broker, %d direct assignments by an owner paid with its own coin%n",
                SCHEDULES.get(), ACTS.get(), REPLICATIONS.get(), DOUBLE_SPENDS.get(), DOUBLE_CASHES.get(),
                ACTS.get() - UNSURFACED.get(), UNSURFACED.get(), PREVENTED.get(), LAYERED_THROUGH_BROKER.get(),
                DIRECT_ASSIGNMENTS.get());
    }
}
