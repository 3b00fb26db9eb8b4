package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Loopback TCP whose far end is another process: the C reference ({@code bench/c/refbench.c})
 * in its {@code peer} mode, plain blocking system calls. Every byte the JVM reads was written
 * by a thread the JVM does not schedule, so none of weft's self-poll (a thread about to park
 * collecting the event its own peer is about to cause) can help: what is measured is the
 * path from the kernel's wake-up through the poller to the waiting virtual thread. Users saw
 * weft behind the JDK exactly there (a download from a local nginx, a redis client), while
 * the in-process twins of these benchmarks said par or better.
 *
 * <p>The peer binary is {@code bench/build/refbench} (bench/run.sh builds it), or the path in
 * {@code -Dweft.bench.refbench=...}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public abstract class Outside {
    static final int CHUNK = 64 * 1024;
    static final int MIB = 1 << 20;

    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    private Process peer;
    Conn conn;

    /** The peer's mode: echo, send or sink. */
    abstract String mode();

    /** The size of the peer's reads and writes. */
    abstract int chunk();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        peer = new ProcessBuilder(refbench().toString(), "peer", mode(), Integer.toString(chunk()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // The peer exits when its stdin closes: the pipe is left open until tearDown.
        var out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.startsWith("LISTENING ")) {
            peer.destroyForcibly();
            throw new IOException("refbench peer did not start: " + line);
        }
        conn = connect(impl, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
        afterConnect();
    }

    void afterConnect() {}

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Bench.closeQuietly(conn);
        peer.getOutputStream().close();
        if (!peer.waitFor(10, TimeUnit.SECONDS)) {
            peer.destroyForcibly();
            throw new IllegalStateException("refbench peer did not exit within 10 s of close");
        }
    }

    static Path refbench() throws IOException {
        Path p = Path.of(System.getProperty("weft.bench.refbench", "bench/build/refbench"));
        if (!Files.isExecutable(p)) {
            throw new IOException(p.toAbsolutePath() + " is missing: run bench/run.sh (it builds it), or "
                    + "gcc -O2 -pthread -o bench/build/refbench bench/c/refbench.c");
        }
        return p;
    }

    /** A TCP connection to the peer on 127.0.0.1, TCP_NODELAY on. */
    static Conn connect(String impl, int port) throws IOException {
        return switch (impl) {
            case Conn.WEFT -> {
                Socket s = Socket.open(Family.INET, SocketType.STREAM);
                s.connect(SockAddr.inet("127.0.0.1", port));
                s.setOption(SockOpt.TCP_NODELAY, true);
                yield new Conn.Weft(s);
            }
            case Conn.JDK -> {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                yield new Conn.Jdk(ch);
            }
            default -> throw new IllegalArgumentException("impl " + impl);
        };
    }

    /** Download: the peer writes 64 KiB chunks without pause; one operation is one MiB received. */
    public static class BulkIn extends Outside {
        @Param({"direct"})
        public String buffer;

        private ByteBuffer in;

        @Override
        String mode() {
            return "send";
        }

        @Override
        int chunk() {
            return CHUNK;
        }

        @Override
        void afterConnect() {
            in = Bench.buffer(buffer, CHUNK);
        }

        @Benchmark
        public long mebibyte() throws IOException {
            long got = 0;
            while (got < MIB) {
                in.clear().limit((int) Math.min(CHUNK, MIB - got));
                if (conn.read(in) < 0) {
                    throw new IOException("the peer stopped sending");
                }
                got += in.position();
            }
            return got;
        }
    }

    /** Upload: one operation is one MiB sent in 64 KiB writes to a peer that only reads. */
    public static class BulkOut extends Outside {
        @Param({"direct"})
        public String buffer;

        private ByteBuffer out;

        @Override
        String mode() {
            return "sink";
        }

        @Override
        int chunk() {
            return CHUNK;
        }

        @Override
        void afterConnect() {
            out = Bench.buffer(buffer, CHUNK);
        }

        @Benchmark
        public long mebibyte() throws IOException {
            for (int sent = 0; sent < MIB; sent += CHUNK) {
                out.clear();
                conn.writeFully(out);
            }
            return MIB;
        }
    }

    /** A 64 B round trip to an echo peer in another process: one wake-up from outside per operation. */
    public static class PingPong extends Outside {
        @Param({"64"})
        public int bytes;

        private ByteBuffer out;
        private ByteBuffer in;

        @Override
        String mode() {
            return "echo";
        }

        @Override
        int chunk() {
            return CHUNK;
        }

        @Override
        void afterConnect() {
            out = Bench.buffer("heap", bytes);
            in = Bench.buffer("heap", bytes);
        }

        @Benchmark
        public void roundTrip() throws IOException {
            out.clear();
            conn.writeFully(out);
            in.clear();
            Bench.readFully(conn, in);
        }
    }
}
