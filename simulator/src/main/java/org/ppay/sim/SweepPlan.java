package org.ppay.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named list of runs, each with a stable id: what {@code ppay simulate --sweep} runs and what runs.csv files are
 * checked against. Its {@link #sha256()} covers the name, every id and every parameter of every run, so two files
 * carry the same hash exactly when they come from the same plan.
 *
 * @param name  what the plan is, e.g. {@code report profile=quick seeds=2 seed=1 figures=1,2,3,4,5,6,7,8,9}
 * @param runs  the runs, in plan order
 */
public record SweepPlan(String name, List<Run> runs) {

    /** One run of a plan: its id and its parameters. */
    public record Run(String id, SimulationParameters parameters) {

        public Run {
            if (id.isEmpty() || !id.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("a run id is letters, digits, '.', '_' or '-', got '" + id + "'");
            }
        }
    }

    public SweepPlan {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one run");
        }
        if (name.isBlank() || name.contains("\n")) {
            throw new IllegalArgumentException("a plan's name is one non-blank line, got '" + name + "'");
        }
        final Set<String> ids = new HashSet<>();
        for (Run run : runs) {
            if (!ids.add(run.id())) {
                throw new IllegalArgumentException("plan '" + name + "': run id " + run.id() + " appears twice");
            }
        }
    }

    /** A plan whose run ids are the positions 0, 1, 2, ... of {@code parameters}. */
    public static SweepPlan numbered(String name, List<SimulationParameters> parameters) {
        final List<Run> runs = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            runs.add(new Run(Integer.toString(i), parameters.get(i)));
        }
        return new SweepPlan(name, runs);
    }

    /** SHA-256 (hex) of the name and of every run's id and parameters, in plan order. */
    public String sha256() {
        final StringBuilder text = new StringBuilder(name).append('\n');
        for (Run run : runs) {
            text.append(run.id());
            for (Map.Entry<String, String> e : run.parameters().values().entrySet()) {
                text.append(' ').append(e.getKey()).append('=').append(e.getValue());
            }
            text.append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /**
     * The {@code index}-th of {@code count} disjoint slices: the runs at plan positions {@code index},
     * {@code index + count}, {@code index + 2 count}, ... Interleaving spreads each figure's expensive points over
     * every shard; together the slices hold every run exactly once.
     */
    public List<Run> shard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, got " + index + "/" + count);
        }
        if (count > runs.size()) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": the plan has only " + runs.size()
                    + " runs, so some shards would be empty; use at most " + runs.size() + " shards");
        }
        final List<Run> slice = new ArrayList<>();
        for (int i = index; i < runs.size(); i += count) {
            slice.add(runs.get(i));
        }
        return slice;
    }

    /** Parses {@code i/n}. */
    public static int[] parseShard(String text) {
        final String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("--shard must be i/n (e.g. 0/3: the first of three), got '" + text + "'");
    }
}
