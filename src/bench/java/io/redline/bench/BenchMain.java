package io.redline.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks with JMH's usual command-line options, then prints docs/s (the median of the measurement
 * iterations; one JMH op is one document), MB/s of UTF-8 body text, and each benchmark's ratio to {@code floor}.
 *
 * <p>Options come from the arguments and from the system property {@code bench.args} (split on whitespace); the
 * system property {@code corpus} names a JSONL corpus (same as JMH's {@code -p corpus=...}), {@code seeds} the
 * fixture of {@link DiffBenchmark} ({@code -p seeds=...}). With no benchmark pattern, only {@link PipelineBenchmark}
 * runs. Latency benchmarks ({@link DiffBenchmark}, {@link LookupBenchmark}) get their own table
 * ({@link LatencyReport}).
 */
public final class BenchMain {
    private static final List<String> ORDER = List.of("floor", "signatureLean", "signature", "signatureBefore",
            "fingerprint", "fingerprintBefore");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        String extra = System.getProperty("bench.args", "").trim();
        if (!extra.isEmpty()) {
            argv.addAll(Arrays.asList(extra.split("\\s+")));
        }
        if (!argv.isEmpty() && argv.get(0).equals("Charts")) { // not a JMH run: draws BENCHMARKS.md's charts from CSVs
            Charts.main(argv.subList(1, argv.size()).toArray(String[]::new));
            return;
        }
        if (!argv.isEmpty() && argv.get(0).equals("Timeline")) { // not a JMH run: CPU time of story time lines
            TimelineTiming.main(argv.subList(1, argv.size()).toArray(String[]::new));
            return;
        }
        String[] all = argv.toArray(String[]::new);
        CommandLineOptions cli = new CommandLineOptions(all);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(all);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        options.addProfiler(CpuTimeProfiler.class);
        if (cli.getIncludes().isEmpty()) {
            options.include(PipelineBenchmark.class.getName() + "\\.");
        }
        String corpus = System.getProperty("corpus", "").trim();
        if (!corpus.isEmpty() && !cli.getParameter("corpus").hasValue()) {
            options.param("corpus", corpus);
        }
        String seeds = System.getProperty("seeds", "").trim();
        if (!seeds.isEmpty() && !cli.getParameter("seeds").hasValue()) {
            options.param("seeds", seeds);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<RunResult> latencies = new ArrayList<>();
        List<RunResult> others = new ArrayList<>();
        for (RunResult r : results) {
            (LatencyReport.isLatency(r) ? latencies : others).add(r);
        }
        summarise(others);
        LatencyReport.print(latencies);
    }

    static void summarise(Collection<RunResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Map<String, Corpus.Stats> stats = new HashMap<>();
        Map<String, Double> floors = new LinkedHashMap<>();
        Map<String, Double> cpuFloors = new LinkedHashMap<>();
        for (RunResult r : results) {
            String key = corpusKey(r);
            if (r.getParams().getBenchmark().endsWith(".floor")) {
                floors.put(key, median(r));
                Double cpu = cpuMedian(r);
                if (cpu != null) {
                    cpuFloors.put(key, cpu);
                }
            }
        }
        System.out.println();
        System.out.println("Redline pipeline throughput, single thread; one op = one document; medians of the "
                + "measurement iterations (wall-clock mean ± 99.9% error in brackets)");
        System.out.printf(Locale.ROOT, "JVM %s %s, %s, %d CPUs%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        List<RunResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparing(BenchMain::corpusKey).thenComparing(r -> rank(r.getParams().getBenchmark()))
                .thenComparing(r -> r.getParams().getBenchmark()));
        String lastKey = null;
        for (RunResult r : ordered) {
            String key = corpusKey(r);
            Corpus.Stats s = stats.computeIfAbsent(key, k -> Corpus.Stats.of(load(r)));
            if (!key.equals(lastKey)) {
                System.out.printf(Locale.ROOT, "%ncorpus %s: %d docs, mean %.0f words, %.0f UTF-8 bytes%n",
                        describe(r), s.docs(), s.meanWords(), s.meanUtf8Bytes());
                System.out.printf(Locale.ROOT, "  %-36s %10s %22s %7s %8s %12s %8s %9s%n", "benchmark", "docs/s",
                        "(mean ± error)", "MB/s", "÷ floor", "docs/cpu-s", "÷ floor", "cpu/wall");
                lastKey = key;
            }
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            boolean perDoc = r.getParams().getMode().shortLabel().equals("thrpt")
                    && r.getPrimaryResult().getScoreUnit().equals("ops/s");
            double median = median(r);
            Statistics st = r.getPrimaryResult().getStatistics();
            Double floor = floors.get(key);
            Double cpu = cpuMedian(r);
            Double cpuFloor = cpuFloors.get(key);
            Result<?> shareResult = r.getSecondaryResults().get("cpu-share");
            Double share = shareResult == null ? null : shareResult.getStatistics().getPercentile(50);
            System.out.printf(Locale.ROOT, "  %-36s %10s %22s %7s %8s %12s %8s %9s%n", name,
                    perDoc ? String.format(Locale.ROOT, "%,.0f", median) : median + " " + r.getPrimaryResult().getScoreUnit(),
                    String.format(Locale.ROOT, "(%,.0f ± %,.0f)", st.getMean(),
                            st.getN() > 2 ? st.getMeanErrorAt(0.999) : Double.NaN),
                    perDoc ? String.format(Locale.ROOT, "%.1f", median * s.meanUtf8Bytes() / 1e6) : "",
                    perDoc && floor != null ? String.format(Locale.ROOT, "%.3f", median / floor) : "",
                    perDoc && cpu != null ? String.format(Locale.ROOT, "%,.0f", cpu) : "",
                    perDoc && cpu != null && cpuFloor != null ? String.format(Locale.ROOT, "%.3f", cpu / cpuFloor) : "",
                    share == null ? "" : String.format(Locale.ROOT, "%.2f", share));
        }
        System.out.println();
        System.out.println("docs/s: wall clock, what the machine gave; docs/cpu-s: per CPU-second of the benchmark JVM "
                + "(JIT and GC included), less sensitive to other load on a shared machine; cpu/wall: cores the JVM used "
                + "(1.0 + GC/JIT when it had a core to itself, below 1 when it waited for one).");
        System.out.println();
    }

    /** Pipeline benchmarks from cheapest to dearest, then the rest by name. */
    private static int rank(String benchmark) {
        int i = ORDER.indexOf(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        return i < 0 ? ORDER.size() : i;
    }

    private static Double cpuMedian(RunResult r) {
        Result<?> cpu = r.getSecondaryResults().get(CpuTimeProfiler.LABEL);
        return cpu == null ? null : cpu.getStatistics().getPercentile(50);
    }

    private static double median(RunResult r) {
        return r.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static String corpusKey(RunResult r) {
        return describe(r) + "#" + param(r, "docs");
    }

    private static String describe(RunResult r) {
        return Corpus.describe(param(r, "corpus"));
    }

    private static String[] load(RunResult r) {
        String docs = param(r, "docs");
        return Corpus.load(param(r, "corpus"), docs.isEmpty() ? 0 : Integer.parseInt(docs));
    }

    private static String param(RunResult r, String name) {
        String v = r.getParams().getParam(name);
        return v == null ? "" : v;
    }
}
