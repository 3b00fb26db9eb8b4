package dev.weft.jmh;

import dev.weft.Socket;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
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
 * (h) The cost of one non-blocking call that finds nothing: weft's {@code recvInto} on an
 * empty socket in non-blocking mode ({@code Duration.ZERO}), which throws
 * {@link WouldBlockException} as Python's {@code BlockingIOError}, against the JDK's
 * non-blocking {@link SocketChannel#read} returning 0. A 64 B heap buffer, loopback TCP.
 * {@code emptyRecv} is Python's form (the exception, its message made once per errno and
 * without a stack trace, then unwound to the caller's catch); {@code emptyChannelRead} is
 * weft's channel view, which returns 0 as the JDK's channel does, so the two sides make the
 * same call with the same contract.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public class NonBlocking {
    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    private Conn.Pair pair;
    private Socket weft;
    private java.nio.channels.ByteChannel weftChannel;
    private SocketChannel jdk;
    private final ByteBuffer buffer = ByteBuffer.allocate(64);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        pair = Conn.tcp(impl);
        if (pair.client() instanceof Conn.Weft w) {
            weft = w.s();
            weft.setTimeout(Duration.ZERO);
            weftChannel = weft.channel();
        } else {
            jdk = ((Conn.Jdk) pair.client()).ch();
            jdk.configureBlocking(false);
        }
    }

    @Benchmark
    public Object emptyRecv() throws IOException {
        buffer.clear();
        if (weft != null) {
            try {
                return weft.recvInto(buffer);
            } catch (WouldBlockException e) {
                return e;
            }
        }
        return jdk.read(buffer);
    }

    @Benchmark
    public int emptyChannelRead() throws IOException {
        buffer.clear();
        return weft != null ? weftChannel.read(buffer) : jdk.read(buffer);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pair.close();
    }
}
