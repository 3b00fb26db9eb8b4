package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
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
 * (e) UDP over loopback, unconnected sockets: the benchmark thread sends {@code burst}
 * 64 B datagrams with {@code sendto} and receives as many back with {@code recvfrom} from a
 * peer thread that returns each one to its sender. One operation is one burst, so datagrams
 * per second (both directions) = ops/s x 2 x burst. A burst of 1 is wake-up bound; 16 shows
 * the per-datagram cost of the calls. The JDK twin is a blocking {@link DatagramChannel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public class Udp {
    static final int SIZE = 64;

    @Param({Conn.WEFT, Conn.JDK})
    public String impl;

    @Param({"1", "16"})
    public int burst;

    private Socket weftClient;
    private Socket weftServer;
    private SockAddr weftTo;
    private DatagramChannel jdkClient;
    private DatagramChannel jdkServer;
    private SocketAddress jdkTo;
    private Thread peer;
    private final ByteBuffer out = Bench.buffer("heap", SIZE);
    private final ByteBuffer in = Bench.buffer("heap", 2048);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        if (impl.equals(Conn.WEFT)) {
            weftServer = Socket.open(Family.INET, SocketType.DGRAM);
            weftServer.bind(SockAddr.inet("127.0.0.1", 0));
            weftClient = Socket.open(Family.INET, SocketType.DGRAM);
            weftClient.bind(SockAddr.inet("127.0.0.1", 0));
            weftTo = weftServer.getSockName();
            peer = Thread.ofVirtual().name("udp-echo").start(() -> {
                ByteBuffer b = ByteBuffer.allocate(2048);
                try {
                    for (;;) {
                        b.clear();
                        Socket.ReceivedInto r = weftServer.recvFromInto(b);
                        b.flip();
                        weftServer.sendTo(b, 0, r.address());
                    }
                } catch (IOException e) {
                    // closed: done
                }
            });
        } else {
            InetAddress lo = InetAddress.getLoopbackAddress();
            jdkServer = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
            jdkClient = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
            jdkTo = jdkServer.getLocalAddress();
            peer = Thread.ofVirtual().name("udp-echo").start(() -> {
                ByteBuffer b = ByteBuffer.allocate(2048);
                try {
                    for (;;) {
                        b.clear();
                        SocketAddress from = jdkServer.receive(b);
                        b.flip();
                        jdkServer.send(b, from);
                    }
                } catch (IOException e) {
                    // closed: done
                }
            });
        }
    }

    @Benchmark
    public int exchange() throws IOException {
        int got = 0;
        if (weftClient != null) {
            for (int i = 0; i < burst; i++) {
                out.clear();
                weftClient.sendTo(out, 0, weftTo);
            }
            for (int i = 0; i < burst; i++) {
                in.clear();
                got += weftClient.recvFromInto(in).nbytes();
            }
        } else {
            for (int i = 0; i < burst; i++) {
                out.clear();
                jdkClient.send(out, jdkTo);
            }
            for (int i = 0; i < burst; i++) {
                in.clear();
                jdkClient.receive(in);
                got += in.position();
            }
        }
        return got;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Bench.closeQuietly(weftServer, jdkServer, weftClient, jdkClient);
        Bench.join(peer);
    }
}
