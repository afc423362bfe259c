package io.redline.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * Operations per second of CPU time used by the benchmark JVM (benchmark thread, GC, JIT, everything), per
 * iteration. On a shared machine where the benchmark thread waits for a core, wall-clock ops/s drop but this
 * figure barely moves, so it is the better one to compare runs with. One op = one document here, so it reads
 * as docs per CPU-second.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    public static final String LABEL = "cpu";

    private long cpuBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark JVM (robust to other load on the machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuBefore = processCpuNanos();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = processCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long ops = result.getMetadata().getAllOps();
        if (cpu <= 0 || ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult(LABEL, ops / (cpu / 1e9), "ops/cpu-s", AggregationPolicy.AVG),
                new ScalarResult("cpu-share", (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
