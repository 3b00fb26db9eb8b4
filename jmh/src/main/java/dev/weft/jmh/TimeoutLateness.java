package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * (g) How late timeouts fire with 10,000 virtual threads parked in a timed read: both ends
 * of 5,000 idle loopback TCP connections are read by a thread each, with timeouts drawn
 * uniformly from [min, max] ms (seed 42, the same for weft and the JDK); no data ever comes,
 * so every read ends in a timeout and its lateness is the time past its deadline. Also
 * measures, once all threads wait and before the first deadline, what an idle connection
 * costs: its heap (two sockets, two threads parked in read, and about 100 B of this
 * harness), the native memory the process grew by (resident set size; only with
 * {@code -XX:+AlwaysPreTouch}, so that heap pages are resident from the start; after a
 * warm-up of 500 connections so that compiled code is not counted), and the CPU the
 * process burns while 10,000 threads wait (pollers and timers). Each is -1 when starting
 * the threads took so long that the measurement could delay the first deadlines. The JDK
 * twin is {@code java.net.Socket} with {@code SO_TIMEOUT}.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -XX:+AlwaysPreTouch -cp jmh/target/benchmarks.jar dev.weft.jmh.TimeoutLateness weft|jdk [connections min-ms max-ms]
 * </pre>
 *
 * Prints one line, {@code RESULT lateness impl=... key=value...}, that bench/summary.py reads.
 */
public final class TimeoutLateness {
    private TimeoutLateness() {}

    /** A socket end that can wait for data with a timeout. */
    private interface End extends AutoCloseable {
        /** Reads with a timeout in ms; true if it timed out, false if data or end of stream came. */
        boolean timedRead(int ms) throws IOException;

        @Override
        void close() throws IOException;
    }

    public static void main(String[] args) throws Exception {
        String impl = args.length > 0 ? args[0] : Conn.WEFT;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int minMs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int maxMs = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int threads = 2 * connections;

        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        List<AutoCloseable> closeAtEnd = new ArrayList<>();
        warmUp(impl, 500);
        System.gc();
        long heap0 = mem.getHeapMemoryUsage().getUsed();
        long rss0 = residentBytes();
        End[] ends = open(impl, connections, closeAtEnd);

        SplittableRandom random = new SplittableRandom(42);
        int[] timeoutMs = new int[threads];
        for (int i = 0; i < threads; i++) {
            timeoutMs[i] = minMs + random.nextInt(maxMs - minMs + 1);
        }
        long[] lateNs = new long[threads];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(threads);
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int k = i;
            ts[i] = Thread.ofVirtual().start(() -> {
                started.countDown();
                long start = System.nanoTime();
                try {
                    if (ends[k].timedRead(timeoutMs[k])) {
                        lateNs[k] = System.nanoTime() - start - TimeUnit.MILLISECONDS.toNanos(timeoutMs[k]);
                        return;
                    }
                } catch (IOException e) {
                    // counted below
                }
                lateNs[k] = Long.MIN_VALUE;
                errors.incrementAndGet();
            });
        }
        started.await();
        long startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // What an idle connection costs, if there is time before the first deadline: a full
        // GC later would delay the timeouts being measured.
        long heapPerConnection = -1;
        long nativePerConnection = -1;
        double idleCpuPercent = -1;
        if (startedMs < minMs / 2) {
            Thread.sleep(Math.min(50, minMs / 10));
            System.gc();
            long heap1 = mem.getHeapMemoryUsage().getUsed();
            heapPerConnection = (heap1 - heap0) / connections;
            if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch")) {
                nativePerConnection = (residentBytes() - rss0) / connections;
            }
            long windowNs = TimeUnit.MILLISECONDS.toNanos(minMs) - (System.nanoTime() - t0) - TimeUnit.MILLISECONDS.toNanos(100);
            if (windowNs >= TimeUnit.MILLISECONDS.toNanos(100)) {
                var os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
                long cpu0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                TimeUnit.NANOSECONDS.sleep(windowNs);
                idleCpuPercent = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - w0);
            }
        }
        // CPU per fired timeout: everything the process spends from just before the first
        // deadline until the last thread has had its timeout (timers, wake-ups, the exception).
        var cpuBean = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long fire0 = cpuBean.getProcessCpuTime();
        for (Thread t : ts) {
            t.join();
        }
        double cpuUsPerTimeout = (cpuBean.getProcessCpuTime() - fire0) / 1e3 / threads;
        finish(ts, ends, closeAtEnd);

        long[] ok = Arrays.stream(lateNs).filter(v -> v != Long.MIN_VALUE).sorted().toArray();
        long early = Arrays.stream(ok).filter(v -> v < 0).count();
        System.out.printf(java.util.Locale.ROOT,
                "RESULT lateness impl=%s threads=%d timeouts_ms=%d-%d started_ms=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f"
                        + " max_ms=%.3f early=%d errors=%d heap_per_idle_conn_bytes=%d native_per_idle_conn_bytes=%d"
                        + " idle_cpu_percent=%.2f cpu_us_per_timeout=%.2f cpus=%d%n",
                impl, threads, minMs, maxMs, startedMs, pct(ok, 50), pct(ok, 90), pct(ok, 99),
                ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6, early, errors.get(), heapPerConnection,
                nativePerConnection, idleCpuPercent, cpuUsPerTimeout,
                Runtime.getRuntime().availableProcessors());
    }

    /** Both ends of {@code connections} loopback connections, connected and accepted. */
    private static End[] open(String impl, int connections, List<AutoCloseable> closeAtEnd) throws IOException {
        End[] ends = new End[2 * connections];
        if (impl.equals(Conn.WEFT)) {
            Socket listener = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), 128, false, false);
            closeAtEnd.add(listener);
            SockAddr at = listener.getSockName();
            for (int i = 0; i < connections; i++) {
                Socket c = Socket.open(Family.INET, SocketType.STREAM);
                c.connect(at);
                Socket a = listener.accept().socket();
                ends[2 * i] = weftEnd(c);
                ends[2 * i + 1] = weftEnd(a);
            }
        } else if (impl.equals(Conn.JDK)) {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            closeAtEnd.add(listener);
            for (int i = 0; i < connections; i++) {
                java.net.Socket c = new java.net.Socket();
                c.connect(listener.getLocalSocketAddress());
                java.net.Socket a = listener.accept();
                ends[2 * i] = jdkEnd(c);
                ends[2 * i + 1] = jdkEnd(a);
            }
        } else {
            throw new IllegalArgumentException("impl must be weft or jdk: " + impl);
        }
        return ends;
    }

    /** Connections whose ends wait 50 ms and time out, so the code measured later is compiled. */
    private static void warmUp(String impl, int connections) throws Exception {
        List<AutoCloseable> rest = new ArrayList<>();
        End[] ends = open(impl, connections, rest);
        Thread[] ts = new Thread[ends.length];
        for (int i = 0; i < ends.length; i++) {
            End e = ends[i];
            ts[i] = Thread.ofVirtual().start(() -> {
                try {
                    e.timedRead(50);
                } catch (IOException ignored) {
                    // only warming up
                }
            });
        }
        finish(ts, ends, rest);
    }

    /** Waits for the reading threads, then closes the connections and the listener. */
    private static void finish(Thread[] ts, End[] ends, List<AutoCloseable> rest) throws Exception {
        for (Thread t : ts) {
            t.join();
        }
        for (End e : ends) {
            e.close();
        }
        for (AutoCloseable c : rest) {
            c.close();
        }
    }

    /** VmRSS of this process, in bytes. */
    private static long residentBytes() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static End weftEnd(Socket s) {
        ByteBuffer b = ByteBuffer.allocate(16);
        return new End() {
            @Override
            public boolean timedRead(int ms) throws IOException {
                s.setTimeout(Duration.ofMillis(ms));
                try {
                    s.recvInto(b);
                    return false;
                } catch (SocketTimeoutException e) {
                    return true;
                }
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }

    private static End jdkEnd(java.net.Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] b = new byte[16];
        return new End() {
            @Override
            public boolean timedRead(int ms) throws IOException {
                s.setSoTimeout(ms);
                try {
                    in.read(b);
                    return false;
                } catch (SocketTimeoutException e) {
                    return true;
                }
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }
}
