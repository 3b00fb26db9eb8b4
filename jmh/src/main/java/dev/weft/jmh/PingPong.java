package dev.weft.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
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
 * Ping-pong on one stream connection: the benchmark thread sends a message and waits for
 * all of it to come back from an echo peer; the score is round trips per second. Both ends
 * run on virtual threads, and every round trip parks each end once, so this measures the
 * hand-off from the kernel through the poller to the waiting thread.
 *
 * <p>Parameter names matter: JMH orders trials by parameter name, the last name varying
 * fastest, so every name sorts before {@code impl} and each weft trial runs right beside
 * its JDK twin (on a shared machine the load drifts between the two otherwise).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public abstract class PingPong {
    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    private Conn.Pair pair;
    private Conn client;
    private Thread echo;
    private ByteBuffer out;
    private ByteBuffer in;

    abstract Conn.Pair open(String impl) throws IOException;

    abstract int size();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        pair = open(impl);
        client = pair.client();
        echo = Bench.echo(pair.server(), 64 * 1024, "heap");
        out = Bench.buffer("heap", size());
        in = Bench.buffer("heap", size());
    }

    @Benchmark
    public void roundTrip() throws IOException {
        out.clear();
        client.writeFully(out);
        in.clear();
        Bench.readFully(client, in);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pair.close();
        Bench.join(echo);
    }

    /** (a) loopback TCP, TCP_NODELAY, heap buffers. */
    public static class Tcp extends PingPong {
        @Param({"64", "16384"})
        public int bytes;

        @Override
        Conn.Pair open(String impl) throws IOException {
            return Conn.tcp(impl);
        }

        @Override
        int size() {
            return bytes;
        }
    }

    /** (d) AF_UNIX stream through a listener on a path (the JDK's UnixDomainSocketAddress). */
    public static class Unix extends PingPong {
        @Param({"64"})
        public int bytes;

        @Override
        Conn.Pair open(String impl) throws IOException {
            return Conn.unix(impl);
        }

        @Override
        int size() {
            return bytes;
        }
    }

    /** (t) TLS 1.3 over loopback TCP: weft's TlsSocket beside the JDK's SSLSocket layered on a java.net.Socket. */
    public static class Tls extends PingPong {
        @Param({"64", "16384"})
        public int bytes;

        @Override
        Conn.Pair open(String impl) throws IOException {
            return TlsPair.open(impl);
        }

        @Override
        int size() {
            return bytes;
        }
    }
}
