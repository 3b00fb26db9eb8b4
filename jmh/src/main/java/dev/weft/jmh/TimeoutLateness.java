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
 * measures the heap of an idle connection (two sockets, two threads parked in read, and
 * about 100 B of this harness) once all threads wait, unless starting them took so long
 * that the full GC could delay the first deadlines (then it prints -1). The JDK twin is {@code java.net.Socket} with {@code SO_TIMEOUT}.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp jmh/target/benchmarks.jar dev.weft.jmh.TimeoutLateness weft|jdk [connections min-ms max-ms]
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
        System.gc();
        long heap0 = mem.getHeapMemoryUsage().getUsed();

        End[] ends = new End[threads];
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
        // Heap per idle connection, if there is time before the first deadline: a full GC
        // later would delay the timeouts being measured.
        long heapPerConnection = -1;
        if (startedMs < minMs / 2) {
            Thread.sleep(Math.min(50, minMs / 10));
            System.gc();
            long heap1 = mem.getHeapMemoryUsage().getUsed();
            heapPerConnection = (heap1 - heap0) / connections;
        }
        for (Thread t : ts) {
            t.join();
        }
        for (End e : ends) {
            e.close();
        }
        for (AutoCloseable c : closeAtEnd) {
            c.close();
        }

        long[] ok = Arrays.stream(lateNs).filter(v -> v != Long.MIN_VALUE).sorted().toArray();
        long early = Arrays.stream(ok).filter(v -> v < 0).count();
        System.out.printf(java.util.Locale.ROOT,
                "RESULT lateness impl=%s threads=%d timeouts_ms=%d-%d started_ms=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f"
                        + " max_ms=%.3f early=%d errors=%d heap_per_idle_conn_bytes=%d cpus=%d%n",
                impl, threads, minMs, maxMs, startedMs, pct(ok, 50), pct(ok, 90), pct(ok, 99),
                ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6, early, errors.get(), heapPerConnection,
                Runtime.getRuntime().availableProcessors());
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
