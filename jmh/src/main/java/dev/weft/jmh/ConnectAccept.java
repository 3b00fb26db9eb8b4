package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 * (f) Connection set-up and tear-down on loopback TCP: open a socket, connect (which on a
 * non-blocking descriptor means EINPROGRESS, then a wait for writability), accept it from
 * the listener, close both. One thread does it all: the connection is complete in the
 * kernel's backlog before accept is called. The accepted end closes first so that
 * TIME_WAIT lands on the listener's side and the client's ephemeral ports are reusable at
 * once; with tens of thousands of connections a second the port range would run out
 * otherwise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public class ConnectAccept {
    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    private Socket weftListener;
    private SockAddr weftAddress;
    private ServerSocketChannel jdkListener;
    private SocketAddress jdkAddress;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        if (impl.equals(Conn.WEFT)) {
            weftListener = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), 1024, false, false);
            weftAddress = weftListener.getSockName();
        } else {
            jdkListener = ServerSocketChannel.open();
            jdkListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            jdkAddress = jdkListener.getLocalAddress();
        }
    }

    @Benchmark
    public void connectAcceptClose() throws IOException {
        if (weftListener != null) {
            Socket c = Socket.open(Family.INET, SocketType.STREAM);
            try {
                c.connect(weftAddress);
                weftListener.accept().socket().close();
            } finally {
                c.close();
            }
        } else {
            SocketChannel c = SocketChannel.open();
            try {
                c.connect(jdkAddress);
                jdkListener.accept().close();
            } finally {
                c.close();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Bench.closeQuietly(weftListener, jdkListener);
    }
}
