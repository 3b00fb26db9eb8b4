package dev.weft.jmh;

import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.Sockets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server's latency when requests come now and then from outside: {@code connections}
 * loopback TCP connections whose server ends are echoed by a virtual thread each over
 * weft or the JDK's {@code SocketChannel} ({@code impl}), and whose client ends are plain
 * blocking {@code java.net.Socket}s on platform threads, the same for both, standing in for
 * remote peers (nothing on the client side touches the server's poller). Each client
 * sleeps a random 0 to 2x{@code gapMicros} between 64 B exchanges and records each
 * exchange's time. Echo (b) keeps every CPU saturated and ping-pong (a) keeps one
 * connection busy; this is the load in between, where the time a poller takes to notice an
 * arrival is the latency: a poller that parks for a while between polls shows here as a
 * higher p50 or p99, nowhere else.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp jmh/target/benchmarks.jar dev.weft.jmh.SparseEcho weft|jdk [connections gap-µs seconds]
 * </pre>
 *
 * Prints one line, {@code RESULT sparse impl=... key=value...}, that bench/summary.py reads.
 */
public final class SparseEcho {
    private SparseEcho() {}

    public static void main(String[] args) throws Exception {
        String impl = args.length > 0 ? args[0] : Conn.WEFT;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int gapMicros = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 4;

        List<java.net.Socket> peers = new ArrayList<>();
        List<Conn> served = new ArrayList<>();
        AutoCloseable listener = open(impl, connections, peers, served);
        List<Thread> echoes = new ArrayList<>();
        for (Conn c : served) {
            echoes.add(Bench.echo(c, 4096, "heap"));
        }
        // Warm-up, then measure: the same threads; only exchanges begun after the warm-up count.
        AtomicLong exchanges = new AtomicLong();
        long warmUpNanos = 2_000_000_000L;
        long measureFrom = System.nanoTime() + warmUpNanos;
        long end = measureFrom + (long) (seconds * 1e9);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            java.net.Socket c = peers.get(i);
            SplittableRandom r = new SplittableRandom(42 + i);
            clients.add(Thread.ofPlatform().name("client").daemon().start(() -> {
                byte[] o = new byte[64];
                byte[] in = new byte[64];
                try {
                    var out = c.getOutputStream();
                    var is = c.getInputStream();
                    for (;;) {
                        Thread.sleep(java.time.Duration.ofNanos(r.nextLong(2L * gapMicros * 1000 + 1)));
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            return;
                        }
                        out.write(o);
                        if (is.readNBytes(in, 0, in.length) != in.length) {
                            throw new IOException("end of stream");
                        }
                        if (t0 >= measureFrom) {
                            Latencies.record(System.nanoTime() - t0);
                            exchanges.incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(java.time.Duration.ofNanos(Math.max(0, measureFrom - System.nanoTime())));
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (Thread t : clients) {
            t.join();
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long n = exchanges.get();
        System.out.printf("RESULT sparse impl=%s connections=%d gap_us=%d exchanges_per_s=%.0f p50_us=%.1f p90_us=%.1f p99_us=%.1f cpu_us_per_exchange=%.2f cpu_busy=%.3f%n",
                impl, connections, gapMicros, n / (wall / 1e9), Latencies.percentile(50) / 1e3,
                Latencies.percentile(90) / 1e3, Latencies.percentile(99) / 1e3, cpu / 1e3 / Math.max(1, n),
                (double) cpu / wall);
        // Clients first: each echo thread then sees end of stream and ends by itself.
        for (java.net.Socket c : peers) {
            Bench.closeQuietly(c);
        }
        for (Thread t : echoes) {
            Bench.join(t);
        }
        for (Conn c : served) {
            Bench.closeQuietly(c);
        }
        listener.close();
    }

    /**
     * {@code connections} connections: the client ends ({@code java.net.Socket}) into
     * {@code peers}, the server ends (weft or the JDK, TCP_NODELAY) into {@code served};
     * returns the listener.
     */
    private static AutoCloseable open(String impl, int connections, List<java.net.Socket> peers, List<Conn> served)
            throws IOException {
        Socket weftListener = null;
        ServerSocketChannel jdkListener = null;
        InetSocketAddress at;
        if (impl.equals(Conn.WEFT)) {
            weftListener = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), connections, false, false);
            at = (InetSocketAddress) weftListener.getSockName().toSocketAddress();
        } else if (impl.equals(Conn.JDK)) {
            jdkListener = ServerSocketChannel.open();
            jdkListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), connections);
            at = (InetSocketAddress) jdkListener.getLocalAddress();
        } else {
            throw new IllegalArgumentException("impl must be weft or jdk, not " + impl);
        }
        for (int i = 0; i < connections; i++) {
            java.net.Socket c = new java.net.Socket(at.getAddress(), at.getPort());
            c.setTcpNoDelay(true);
            peers.add(c);
            if (weftListener != null) {
                Socket s = weftListener.accept().socket();
                s.setOption(SockOpt.TCP_NODELAY, true);
                served.add(new Conn.Weft(s));
            } else {
                SocketChannel s = jdkListener.accept();
                s.setOption(StandardSocketOptions.TCP_NODELAY, true);
                served.add(new Conn.Jdk(s));
            }
        }
        return weftListener != null ? weftListener : jdkListener;
    }
}
