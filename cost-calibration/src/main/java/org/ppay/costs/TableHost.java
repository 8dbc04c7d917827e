package org.ppay.costs;

import java.util.Locale;

/**
 * Where a cost table was measured beside where it is used: a table prices actions on the CPU it was measured on, so a
 * prediction judged against this host's measurement with another CPU's table judges the two CPUs' difference as much
 * as the model.
 *
 * @param tableId    the table's {@link CostTable#id()}
 * @param tableCpu   the CPU model the table was measured on ({@code cpu_model}; "several" when its rows disagree)
 * @param tableGhz   the clock the table converts with
 * @param tableJdk   the JDK its benchmarks ran on
 * @param hostCpu    this host's CPU model ({@link ClockProbe#cpuModel()}, else {@code os.arch})
 * @param hostJdk    the JDK running now
 */
public record TableHost(String tableId, String tableCpu, double tableGhz, String tableJdk, String hostCpu,
                        String hostJdk) {

    /** What the command that suggests itself when the CPUs differ is; printed where the mismatch is. */
    public static final String CALIBRATE_HINT = "ppay validate --calibrate measures this host first";

    /** The table beside the host this JVM runs on. */
    public static TableHost of(CostTable table) {
        final String cpu = ClockProbe.cpuModel();
        return of(table, cpu == null || cpu.isBlank() ? System.getProperty("os.arch") : cpu,
                System.getProperty("java.version"));
    }

    /** The table beside a named host (for tests and for hosts described by a host file). */
    public static TableHost of(CostTable table, String hostCpu, String hostJdk) {
        String cpu = null;
        String jdk = null;
        double ghz = 0;
        for (CostEntry entry : table.entries()) {
            cpu = cpu == null || cpu.equals(entry.cpuModel()) ? entry.cpuModel() : "several";
            jdk = jdk == null || jdk.equals(entry.jdk()) ? entry.jdk() : "several";
            ghz = entry.ghz();
        }
        return new TableHost(table.id(), cpu == null ? "unknown" : cpu, ghz, jdk == null ? "unknown" : jdk, hostCpu,
                hostJdk);
    }

    /** Whether the table was measured on a CPU of this host's model (the same text in {@code /proc/cpuinfo}). */
    public boolean sameCpu() {
        return normalised(tableCpu).equals(normalised(hostCpu));
    }

    /** One line: the table's host and this one, e.g. for the head of a run's output. */
    public String describe() {
        return String.format(Locale.ROOT, "cost table %s: measured on %s (%.2f GHz, JDK %s); this host: %s (JDK %s)%s",
                tableId, tableCpu, tableGhz, tableJdk, hostCpu, hostJdk, sameCpu() ? "" : " - ANOTHER CPU");
    }

    /**
     * Empty when the CPUs match; else the caveat to print where goals are judged: the errors then measure the two
     * CPUs' difference as much as the model.
     */
    public String caveat() {
        if (sameCpu()) {
            return "";
        }
        return "these goals judge a table measured on another CPU (" + tableCpu + ", not this host's " + hostCpu
                + "): its prices are not this host's, so a miss says as much about the CPUs as about the model; "
                + CALIBRATE_HINT + ".";
    }

    private static String normalised(String cpu) {
        return cpu == null ? "" : cpu.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
