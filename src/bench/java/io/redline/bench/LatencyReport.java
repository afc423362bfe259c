package io.redline.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The table {@link BenchMain} prints for the latency benchmarks ({@link DiffBenchmark}, {@link LookupBenchmark}):
 * percentiles per operation (JMH sample-time mode: individual operations timed, all measurement iterations pooled), the spread of the iterations'
 * medians and p99s, and the benchmark JVM's CPU time per operation and cpu/wall from {@link CpuTimeProfiler}.
 */
final class LatencyReport {
    private LatencyReport() {
    }

    static boolean isLatency(RunResult r) {
        return r.getParams().getMode() == Mode.SampleTime;
    }

    static void print(Collection<RunResult> results) {
        if (results.isEmpty()) {
            return;
        }
        List<RunResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
        System.out.println();
        System.out.println("Redline latency, single thread; one op = one ParagraphDiffer.diff (DiffBenchmark) or one "
                + "query (LookupBenchmark); percentiles of the operations timed in all measurement iterations");
        System.out.printf(Locale.ROOT, "JVM %s %s, %s, %d CPUs, %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), cpuModel());
        System.out.printf(Locale.ROOT, "  %-16s %5s %8s %9s %9s %9s %9s %9s %19s %19s %9s %8s  %s%n", "benchmark",
                "unit", "samples", "median", "p90", "p99", "p99.9", "max", "iteration medians", "iteration p99s",
                "cpu/op", "cpu/wall", "params");
        for (RunResult r : ordered) {
            BenchmarkParams params = r.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            Statistics st = r.getPrimaryResult().getStatistics();
            double[] medians = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            double[] p99s = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult it : b.getIterationResults()) {
                    Statistics is = it.getPrimaryResult().getStatistics();
                    extend(medians, is.getPercentile(50));
                    extend(p99s, is.getPercentile(99));
                }
            }
            Double opsPerCpuSecond = secondary(r, CpuTimeProfiler.LABEL);
            Double share = secondary(r, "cpu-share");
            double unitsPerSecond = (double) TimeUnit.SECONDS.toNanos(1) / params.getTimeUnit().toNanos(1);
            StringJoiner ps = new StringJoiner(" ");
            for (String key : params.getParamsKeys()) {
                String v = params.getParam(key);
                if (v != null && !v.isEmpty()) {
                    ps.add(key + "=" + v);
                }
            }
            System.out.printf(Locale.ROOT, "  %-16s %5s %8d %9s %9s %9s %9s %9s %19s %19s %9s %8s  %s%n", name,
                    unit(params.getTimeUnit()), st.getN(), num(st.getPercentile(50)), num(st.getPercentile(90)),
                    num(st.getPercentile(99)), num(st.getPercentile(99.9)), num(st.getMax()),
                    num(medians[0]) + " – " + num(medians[1]), num(p99s[0]) + " – " + num(p99s[1]),
                    opsPerCpuSecond == null ? "" : num(unitsPerSecond / opsPerCpuSecond),
                    share == null ? "" : String.format(Locale.ROOT, "%.2f", share), ps);
        }
        System.out.println();
        System.out.println("median … max: wall-clock time of single operations; iteration medians, p99s: lowest and highest "
                + "of the measurement iterations taken one by one (their spread shows the noise); cpu/op: CPU time of the "
                + "benchmark JVM per operation (JIT and GC included, a mean); cpu/wall: cores the JVM used (1.0 + GC/JIT "
                + "when it had a core to itself, below 1 when it waited for one, and then the tail percentiles "
                + "mostly measure the other load).");
        System.out.println();
    }

    private static void extend(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    private static Double secondary(RunResult r, String label) {
        Result<?> res = r.getSecondaryResults().get(label);
        return res == null ? null : res.getStatistics().getPercentile(50);
    }

    private static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String unit(TimeUnit u) {
        return switch (u) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "µs";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            default -> u.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return System.getProperty("os.name");
    }
}
