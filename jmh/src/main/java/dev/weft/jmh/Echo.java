package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (b) Echo over 1,000 and 5,000 concurrent loopback TCP connections, a thread per connection
 * on both sides, all virtual: the load threads the state starts and the benchmark thread itself
 * each own one connection and exchange 64 B messages with an echo thread per connection.
 * The score is the latency of one exchange on the benchmark's connection while the 999
 * others run (SampleTime). That one connection can be served better or worse than the
 * rest (the JDK's scheduler, pinned, favours it: p50 of microseconds while the others wait
 * milliseconds), so the load threads also record every exchange in {@link Latencies}:
 * {@link CpuTime}'s {@code lat.p50}/{@code lat.p99} are over all the other connections. Every
 * exchange is counted by {@link Bench#BACKGROUND_OPS}, so {@code ops.rate} is messages per
 * second and {@code cpu.ns/op} CPU per message.
 * Two descriptors per connection per fork: 10,001 at 5,000 connections.
 *
 * <p>Why not {@code @Threads(1000)}: with the JDK's sockets such a run stalled for good
 * at the first iteration boundary (see {@link #startLoad}); load threads of our own can be
 * stopped between iterations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public class Echo {
    static final int SIZE = 64;

    @Param({"1000", "5000"})
    public int connections;

    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    private Socket weftListener;
    private ServerSocketChannel jdkListener;
    private SocketAddress jdkAddress;
    private SockAddr weftAddress;
    private Thread acceptor;
    private final Queue<Conn> accepted = new ConcurrentLinkedQueue<>();
    private final List<Conn> clients = new ArrayList<>();
    private final List<Thread> load = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closing;
    /** Counts down as each load thread makes its first exchange of the iteration. */
    private volatile CountDownLatch started;
    /** Counts down as each load thread stops at the end of the iteration. */
    private volatile CountDownLatch stopped;
    private Conn mine;
    private final ByteBuffer out = Bench.buffer("heap", SIZE);
    private final ByteBuffer in = Bench.buffer("heap", SIZE);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        if (impl.equals(Conn.WEFT)) {
            weftListener = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), 2 * connections, false, false);
            weftAddress = weftListener.getSockName();
        } else {
            jdkListener = ServerSocketChannel.open();
            jdkListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2 * connections);
            jdkAddress = jdkListener.getLocalAddress();
        }
        acceptor = Thread.ofVirtual().name("acceptor").start(() -> {
            try {
                for (;;) {
                    Conn c;
                    if (weftListener != null) {
                        Socket s = weftListener.accept().socket();
                        s.setOption(SockOpt.TCP_NODELAY, true);
                        c = new Conn.Weft(s);
                    } else {
                        SocketChannel ch = jdkListener.accept();
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        c = new Conn.Jdk(ch);
                    }
                    accepted.add(c);
                    Bench.echo(c, 4096, "heap");
                }
            } catch (IOException e) {
                // listener closed: done
            }
        });
        for (int i = 0; i < connections; i++) {
            clients.add(connect());
        }
        mine = clients.get(0);
        startLoadThreads();
    }

    /**
     * Load runs only while an iteration does. Between iterations JMH wakes its worker from
     * a platform thread, and on JDK 25 such a wake-up can wait for as long as virtual
     * threads woken by the JDK's own (virtual) poller threads keep both carriers busy: the
     * run never reached its next iteration. Stopping the load lets the worker in.
     *
     * <p>The load threads live for the whole trial (started in {@link #startLoadThreads},
     * before any load) and are woken per iteration with {@code unpark} from this virtual
     * thread. New virtual threads start from the scheduler's external queue, which a carrier
     * serves only once its own queue is empty: started per iteration, many stayed unstarted
     * for whole iterations while the pollers kept the carriers busy, and the score was then
     * the benchmark thread's lone connection (150k "messages"/s pinned, no load latency
     * recorded). For the same reason the waits here have no timeout, whose wake-up would
     * come through that queue too (JMH's own timeout still applies), and do not yield, which
     * would keep this carrier's queue full and the JDK's pollers out.
     */
    @Setup(Level.Iteration)
    public void startLoad() throws InterruptedException {
        started = new CountDownLatch(load.size());
        stopped = new CountDownLatch(load.size());
        running = true;
        for (Thread t : load) {
            LockSupport.unpark(t);
        }
        // Measure only once every load connection has made an exchange in this iteration.
        started.await();
    }

    @TearDown(Level.Iteration)
    public void stopLoad() throws InterruptedException {
        running = false;
        stopped.await();
    }

    private void startLoadThreads() {
        for (Conn c : clients.subList(1, connections)) {
            load.add(Thread.ofVirtual().name("load").start(() -> loadLoop(c)));
        }
    }

    /** One load connection: exchanges while an iteration runs, parks in between. */
    private void loadLoop(Conn c) {
        ByteBuffer o = Bench.buffer("heap", SIZE);
        ByteBuffer i = Bench.buffer("heap", SIZE);
        try {
            for (;;) {
                while (!running) {
                    if (closing) {
                        return;
                    }
                    LockSupport.park(this);
                }
                exchange(c, o, i); // not counted: it shows the thread runs (see startLoad)
                started.countDown();
                while (running) {
                    long t0 = System.nanoTime();
                    exchange(c, o, i);
                    Latencies.record(System.nanoTime() - t0);
                    Bench.BACKGROUND_OPS.increment();
                }
                stopped.countDown();
            }
        } catch (IOException e) {
            if (!closing) {
                e.printStackTrace();
            }
        }
    }

    private Conn connect() throws IOException {
        if (weftListener != null) {
            Socket s = Socket.open(Family.INET, SocketType.STREAM);
            s.connect(weftAddress);
            s.setOption(SockOpt.TCP_NODELAY, true);
            return new Conn.Weft(s);
        }
        SocketChannel ch = SocketChannel.open(jdkAddress);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return new Conn.Jdk(ch);
    }

    private static void exchange(Conn c, ByteBuffer o, ByteBuffer i) throws IOException {
        o.clear();
        c.writeFully(o);
        i.clear();
        Bench.readFully(c, i);
    }

    @Benchmark
    public void message() throws IOException {
        exchange(mine, out, in);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        closing = true;
        for (Thread t : load) {
            LockSupport.unpark(t);
            Bench.join(t);
        }
        load.clear();
        Bench.closeQuietly(weftListener, jdkListener);
        Bench.join(acceptor);
        for (Conn c : clients) {
            Bench.closeQuietly(c);
        }
        for (Conn c : accepted) {
            Bench.closeQuietly(c);
        }
    }
}
