package org.ppay.sim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.sim.Simulation;
import org.ppay.sim.SimulationParameters;

/**
 * The simulator's hot loop: wall time of one simulated hour of the paper's default scenario (PPay, Payword, pong
 * cache 100) at 1,000 and 100,000 peers, in ms per simulated hour. The run is first warmed up for
 * {@code warmupHours} of simulated time, so the coins and pairs of a running network are there; each operation then
 * advances the same simulation by one more hour (the state keeps growing slowly, as in a real run).
 *
 * <p>It lives in the simulator's test sources, not in benchmarks.jar: {@code ppay bench} runs every benchmark under
 * org.ppay.bench, and a calibration has no use for a 100,000-peer simulation. Run it from the repository root:
 * <pre>
 * ./mvnw -q -pl simulator -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/sim-cp.txt
 * java -cp simulator/target/test-classes:simulator/target/classes:$(cat sim-cp.txt) org.openjdk.jmh.Main \
 *     SimulatedHourBenchmark -rf json -rff sim-hour.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class SimulatedHourBenchmark {

    private static final double HOUR = 3600;

    @Param({"1000", "100000"})
    int peers;

    @Param({"6"})
    double warmupHours;

    private Simulation simulation;
    private double until;

    @Setup
    public void setUp() {
        simulation = new Simulation(SimulationParameters.defaults().withNetworkSize(peers).withSimulatedDays(1000)
                .withSeed(1));
        until = warmupHours * HOUR;
        simulation.advanceTo(until);
        if (simulation.now() <= 0) {
            throw new IllegalStateException("the warm-up processed no event");
        }
    }

    @Benchmark
    public double simulatedHour() {
        until += HOUR;
        simulation.advanceTo(until);
        return simulation.now();
    }
}
