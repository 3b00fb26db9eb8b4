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
 * Bulk transfer one way: a virtual thread sends 64 KiB chunks without pause, the benchmark
 * thread receives with a 64 KiB buffer of the same kind. One operation is one MiB received,
 * so GB/s = ops/s x 1,048,576 / 1e9.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public abstract class Bulk {
    static final int CHUNK = 64 * 1024;
    static final int MIB = 1 << 20;

    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    private Conn.Pair pair;
    private Conn receiver;
    private Thread sender;
    private ByteBuffer in;

    abstract Conn.Pair open(String impl) throws IOException;

    abstract String buffer();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        pair = open(impl);
        receiver = pair.client();
        sender = Bench.sender(pair.server(), Bench.buffer(buffer(), CHUNK));
        in = Bench.buffer(buffer(), CHUNK);
    }

    /** Receives exactly one MiB. */
    @Benchmark
    public long mebibyte() throws IOException {
        long got = 0;
        while (got < MIB) {
            in.clear().limit((int) Math.min(CHUNK, MIB - got));
            int n = receiver.read(in);
            if (n < 0) {
                throw new IOException("sender stopped");
            }
            got += n;
        }
        return got;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pair.close();
        Bench.join(sender);
    }

    /** (c) loopback TCP, heap and direct buffers. */
    public static class Tcp extends Bulk {
        @Param({"heap", "direct"})
        public String buffer;

        @Override
        Conn.Pair open(String impl) throws IOException {
            return Conn.tcp(impl);
        }

        @Override
        String buffer() {
            return buffer;
        }
    }

    /** (d) AF_UNIX stream, direct buffers. */
    public static class Unix extends Bulk {
        @Param({"direct"})
        public String buffer;

        @Override
        Conn.Pair open(String impl) throws IOException {
            return Conn.unix(impl);
        }

        @Override
        String buffer() {
            return buffer;
        }
    }

    /** (t) TLS 1.3 over loopback TCP, heap buffers (the JDK's SSLSocket streams take arrays). */
    public static class Tls extends Bulk {
        @Param({"heap"})
        public String buffer;

        @Override
        Conn.Pair open(String impl) throws IOException {
            return TlsPair.open(impl);
        }

        @Override
        String buffer() {
            return buffer;
        }
    }
}
