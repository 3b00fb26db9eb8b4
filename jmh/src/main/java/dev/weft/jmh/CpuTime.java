package dev.weft.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dev.weft.jmh.CpuTime}) that puts CPU time beside every score,
 * so a spin or an extra thread hop is never free: the process's CPU time over each
 * iteration (every thread: benchmark and peer threads, carriers, weft's or the JDK's poller,
 * JIT and GC) divided by the operations JMH counted, and divided by the wall time (how many
 * CPUs the benchmark kept busy), and the context switches per operation (every time a
 * thread sleeps and is woken counts one: a blocking C ping-pong costs two per round trip).
 * It also reports operations per second from the same
 * counts, which gives a rate for SampleTime benchmarks too. Operations that a benchmark's
 * own load threads count in {@link Bench#BACKGROUND_OPS} are added to JMH's count.
 */
public final class CpuTime implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpu0;
    private long switches0;
    private long background0;
    private long wall0;

    @Override
    public String getDescription() {
        return "process CPU time per operation and CPUs busy (all threads of the fork)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wall0 = System.nanoTime();
        background0 = Bench.BACKGROUND_OPS.sum();
        switches0 = contextSwitches();
        Latencies.reset();
        cpu0 = OS.getProcessCpuTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = OS.getProcessCpuTime() - cpu0;
        long switches = contextSwitches() - switches0;
        long wall = System.nanoTime() - wall0;
        long ops = result.getMetadata().getMeasuredOps() + Bench.BACKGROUND_OPS.sum() - background0;
        if (ops <= 0 || wall <= 0 || cpu < 0) {
            return List.of();
        }
        List<ScalarResult> out = new java.util.ArrayList<>(List.of(
                new ScalarResult("cpu.ns/op", (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.busy", (double) cpu / wall, "CPUs", AggregationPolicy.AVG),
                new ScalarResult("ops.rate", ops * 1e9 / wall, "ops/s", AggregationPolicy.AVG),
                new ScalarResult("ctxsw/op", (double) switches / ops, "switches/op", AggregationPolicy.AVG)));
        if (Latencies.count() > 0) {
            // Averaged over iterations: a rough figure, but each iteration's has thousands of samples.
            out.add(new ScalarResult("lat.p50", Latencies.percentile(50) / 1000, "us", AggregationPolicy.AVG));
            out.add(new ScalarResult("lat.p99", Latencies.percentile(99) / 1000, "us", AggregationPolicy.AVG));
            out.add(new ScalarResult("lat.samples", Latencies.count(), "samples", AggregationPolicy.SUM));
        }
        return out;
    }

    /**
     * Context switches of every live thread of this process (Linux {@code /proc/self/task}),
     * voluntary (a thread went to sleep: each cross-thread wake-up costs one) and not.
     * 0 where there is no /proc. Threads that end between two readings take their counts
     * with them; the threads that matter here (carriers, pollers) live for the whole fork.
     */
    static long contextSwitches() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | NumberFormatException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | UncheckedIOException noProc) {
            return 0;
        }
        return sum;
    }
}
