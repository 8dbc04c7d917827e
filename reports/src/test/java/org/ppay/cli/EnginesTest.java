package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ppay.reports.Figures;
import org.ppay.reports.Profile;
import org.ppay.reports.ReportPlan;
import org.ppay.sim.SweepPlan;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The engines' files (GitHub Actions workflow, Kubernetes Indexed Job, Slurm array) read as the engines read them:
 * their shard counts agree with each other and cover the full profile's plan, and every ppay command in them is one
 * the command line accepts, with the merge reading exactly the files the shards write.
 */
class EnginesTest {

    private static final Path ROOT = Path.of("..");
    private static final SweepPlan FULL = new ReportPlan(Profile.FULL, Figures.section7(Profile.FULL), 1).sweepPlan();

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheFullPlanAsAMatrixOfShardsAndMergeThemInTheWorkflow() throws IOException {
        final Map<String, Object> workflow = new Yaml().load(Files.readString(ROOT.resolve(
                ".github/workflows/reports.yml")));
        final Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        final int shards = (Integer) ((Map<String, Object>) workflow.get("env")).get("FULL_SHARDS");
        final Map<String, Object> shardJob = (Map<String, Object>) jobs.get("full-shard");
        final List<Integer> matrix = (List<Integer>) ((Map<String, Object>) ((Map<String, Object>)
                shardJob.get("strategy")).get("matrix")).get("shard");
        assertEquals(indices(shards), matrix, "the matrix lists every shard index once");

        final String plan = run(jobs, "full-plan", "--plan");
        assertPpay(plan, Map.of());
        assertTrue(plan.contains("report --full --plan plan.txt"), plan);
        final String shard = run(jobs, "full-shard", "--shard");
        final Map<String, String> vars = Map.of("${{ env.FULL_SHARDS }}", Integer.toString(shards));
        assertCoversThePlan(shard, "${{ matrix.shard }}", shards, vars);
        final String merge = run(jobs, "full-report", "--runs");
        assertPpay(merge, Map.of());
        assertMergeReadsTheShards(shard.replace("${{ matrix.shard }}", "*"), merge, "shards/");
        assertTrue(((List<String>) ((Map<String, Object>) jobs.get("full-report")).get("needs"))
                .contains("full-shard"), "the merge waits for the shards");

        final String quick = run(jobs, "report", "pipeline");
        assertTrue(quick.contains("./ppay pipeline --profile quick"), "the quick pipeline on every push stays");
        assertEquals("push", firstTrigger(workflow));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBenchEveryRunnerTypeFeedTheHistoryAndGateOnErrorBars() throws IOException {
        final Map<String, Object> workflow = new Yaml().load(Files.readString(ROOT.resolve(
                ".github/workflows/reports.yml")));
        final Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        final Map<String, Object> bench = (Map<String, Object>) jobs.get("bench");
        final List<Map<String, Object>> include = (List<Map<String, Object>>) ((Map<String, Object>)
                ((Map<String, Object>) bench.get("strategy")).get("matrix")).get("include");
        final Set<Object> arches = new HashSet<>();
        include.forEach(row -> arches.add(row.get("arch")));
        assertEquals(Set.of("x86-64", "arm64"), arches);
        final String measure = run(jobs, "bench", "ppay bench");
        assertTrue(measure.contains("--profile standard --suites \"$suites\" --out bench"), measure);
        Map<String, Object> history = null;
        for (Object step : (List<Object>) bench.get("steps")) {
            final Object uses = ((Map<String, Object>) step).get("uses");
            if (uses instanceof String u && u.startsWith("benchmark-action/github-action-benchmark@")) {
                history = (Map<String, Object>) ((Map<String, Object>) step).get("with");
            }
        }
        assertNotNull(history, "github-action-benchmark keeps the history");
        assertEquals("jmh", history.get("tool"));
        assertEquals("bench/jmh-results.json", history.get("output-file-path"), "the file ppay bench --out bench writes");
        final String gate = run(jobs, "bench", "--max-increase");
        assertPpay(gate.substring(gate.indexOf("./ppay calibrate")).replace("\\\n", " ").split("\\|")[0], Map.of());
        assertTrue(gate.contains("--max-increase 25"), gate);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheFullPlanAsAnIndexedJobAndMergeItOnKubernetes() throws IOException {
        final Map<String, Object> job = new Yaml().load(Files.readString(ROOT.resolve("deploy/k8s/ppay-full-sweep.yaml")));
        final Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertEquals("Job", job.get("kind"));
        assertEquals("Indexed", spec.get("completionMode"));
        final int shards = (Integer) spec.get("completions");
        assertEquals(shards, spec.get("parallelism"));
        final Map<String, Object> container = container(spec);
        final String shard = String.join(" ", (List<String>) container.get("command"));
        assertCoversThePlan(shard, "$JOB_COMPLETION_INDEX", shards, Map.of());

        final Map<String, Object> mergeJob = new Yaml().load(Files.readString(ROOT.resolve(
                "deploy/k8s/ppay-full-merge.yaml")));
        final Map<String, Object> merge = container((Map<String, Object>) mergeJob.get("spec"));
        final String mergeCommand = String.join(" ", (List<String>) merge.get("command"));
        assertPpay(mergeCommand, Map.of());
        assertMergeReadsTheShards(shard.replace("$JOB_COMPLETION_INDEX", "*"), mergeCommand, "");
        assertEquals(container.get("image"), merge.get("image"), "shards and merge run the same image");
        assertEquals(container.get("volumeMounts"), merge.get("volumeMounts"), "and see the same files");
    }

    @Test
    void shouldRunTheFullPlanAsASlurmArrayAndMergeItAfterwards() throws IOException {
        final String sweep = Files.readString(ROOT.resolve("deploy/slurm/ppay-full-sweep.sbatch"));
        final Matcher array = Pattern.compile("(?m)^#SBATCH --array=0-(\\d+)$").matcher(sweep);
        assertTrue(array.find(), "an array directive");
        final int shards = Integer.parseInt(array.group(1)) + 1;
        final Matcher declared = Pattern.compile("(?m)^SHARDS=(\\d+)$").matcher(sweep);
        assertTrue(declared.find());
        assertEquals(shards, Integer.parseInt(declared.group(1)), "--array and SHARDS agree");
        final String shard = command(sweep);
        assertCoversThePlan(shard, "$SLURM_ARRAY_TASK_ID", shards, Map.of("$SHARDS", Integer.toString(shards),
                "${SLURM_CPUS_PER_TASK:-1}", "2"));
        final String merge = command(Files.readString(ROOT.resolve("deploy/slurm/ppay-full-merge.sbatch")));
        assertPpay(merge, Map.of());
        assertMergeReadsTheShards(shard.replace("$SLURM_ARRAY_TASK_ID", "*"), merge, "");
    }

    /** The shard command names the plan, takes --shard INDEX/N and together the n shards are the whole plan. */
    private static void assertCoversThePlan(String command, String index, int shards, Map<String, String> vars) {
        assertTrue(command.contains("simulate --sweep plan.txt"), command);
        assertTrue(shards >= 2 && shards <= FULL.runs().size(), shards + " shards for " + FULL.runs().size() + " runs");
        final Set<String> ids = new HashSet<>();
        int total = 0;
        for (int i = 0; i < shards; i++) {
            final Map<String, String> all = new java.util.HashMap<>(vars);
            all.put(index, Integer.toString(i));
            final List<String> args = assertPpay(command, all);
            final int[] slice = SweepPlan.parseShard(args.get(args.indexOf("--shard") + 1));
            assertEquals(i, slice[0]);
            assertEquals(shards, slice[1], "the command's n is the engine's shard count");
            for (SweepPlan.Run run : FULL.shard(slice[0], slice[1])) {
                ids.add(run.id());
                total++;
            }
        }
        assertEquals(FULL.runs().size(), total, "no run twice");
        assertEquals(FULL.runs().size(), ids.size(), "every run once");
    }

    /**
     * The merge's {@code --runs} glob is the shards' {@code --out} with the index as {@code *}; on GitHub the shards'
     * artifacts are downloaded into {@code downloadDir}.
     */
    private static void assertMergeReadsTheShards(String shardCommand, String merge, String downloadDir) {
        final List<String> shardArgs = tokens(shardCommand, Map.of());
        final String written = shardArgs.get(shardArgs.indexOf("--out") + 1);
        final List<String> mergeArgs = tokens(merge, Map.of());
        final String read = mergeArgs.get(mergeArgs.indexOf("--runs") + 1);
        assertTrue(written.contains("*"), written);
        assertEquals(downloadDir.isEmpty() ? written : downloadDir + written.substring(written.lastIndexOf('/') + 1),
                read, "the merge reads what the shards write");
    }

    /** The ppay arguments of a command line (after {@code ppay.jar} or {@code ./ppay}), parsed by the real CLI. */
    private static List<String> assertPpay(String command, Map<String, String> vars) {
        final List<String> args = tokens(command, vars);
        final CommandLine.ParseResult parsed = PpayCommand.newCommandLine().parseArgs(args.toArray(String[]::new));
        assertNotNull(parsed.subcommand(), command);
        return args;
    }

    private static List<String> tokens(String command, Map<String, String> vars) {
        String text = command;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        final int jar = text.indexOf("ppay.jar ");
        final int launcher = text.indexOf("./ppay ");
        final int start = jar >= 0 ? jar + "ppay.jar ".length() : launcher + "./ppay ".length();
        assertTrue(jar >= 0 || launcher >= 0, "a ppay command: " + command);
        final List<String> args = new ArrayList<>();
        for (String t : text.substring(start).replace("\\\n", " ").strip().split("\\s+")) {
            args.add(t.replace("\"", ""));
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private static String run(Map<String, Object> jobs, String job, String containing) {
        for (Object step : (List<Object>) ((Map<String, Object>) jobs.get(job)).get("steps")) {
            final Object run = ((Map<String, Object>) step).get("run");
            if (run instanceof String text && text.contains(containing)) {
                return text.strip();
            }
        }
        throw new AssertionError("job " + job + " has no step running " + containing);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> spec) {
        final Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return (Map<String, Object>) ((List<Object>) pod.get("containers")).get(0);
    }

    /** The {@code exec java ...} line of a batch script, continuation lines joined. */
    private static String command(String script) {
        final String joined = script.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            if (!line.startsWith("#") && line.contains("java -jar ppay.jar")) {
                return line.strip();
            }
        }
        throw new AssertionError("no java -jar ppay.jar line");
    }

    private static Object firstTrigger(Map<String, Object> workflow) {
        // YAML 1.1 reads the key 'on' as true
        final Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        return ((Map<?, ?>) on).keySet().iterator().next();
    }

    private static List<Integer> indices(int n) {
        final List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
