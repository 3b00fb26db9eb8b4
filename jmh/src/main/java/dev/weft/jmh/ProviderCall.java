package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.common.Scratch;
import dev.weft.spi.SocketProvider;
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
 * One provider call with no core around it: {@code recvfrom} on an empty UDP socket,
 * returning {@code -EAGAIN} (no exception). It takes the native scratch area for the
 * sender's address ({@code malloc} and {@code free} through {@code NativeMemory}), so it
 * shows what that memory costs on each binding: {@code -p impl=weft,weft-jna};
 * {@code scratchTakeGive} is that memory alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.HEAP_MIN, Bench.HEAP_MAX})
public class ProviderCall {
    @Param({Conn.WEFT, Conn.WEFT_JNA})
    public String impl;

    private Socket socket;
    private SocketProvider provider;
    private long fd;
    private int family;
    private int type;
    private final ByteBuffer buffer = ByteBuffer.allocate(64);
    private final SockAddr[] from = new SockAddr[1];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.binding(impl);
        socket = Socket.open(Family.INET, SocketType.DGRAM);
        socket.bind(SockAddr.inet("127.0.0.1", 0));
        provider = Sockets.provider();
        fd = socket.fileno();
        family = socket.nativeFamily();
        type = socket.nativeType();
    }

    @Benchmark
    public long emptyRecvFrom() {
        return provider.recv(fd, family, type, buffer, 0, from);
    }

    /** The scratch area alone: one small {@code malloc} and its {@code free}, through the binding's memory. */
    @Benchmark
    public long scratchTakeGive() {
        Scratch s = Scratch.take(0);
        long a = s.addr();
        s.give();
        return a;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        socket.close();
    }
}
