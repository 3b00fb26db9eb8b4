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
import java.util.Arrays;
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
 * {@code impl=weft-mmsg} moves each burst with {@code sendmmsg}/{@code recvmmsg} on both
 * sides ({@link Socket#sendMmsg}, {@link Socket#recvMmsgInto}), which the JDK cannot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Bench.NATIVE, Bench.VIRTUAL, Bench.HEAP_MIN, Bench.HEAP_MAX})
public class Udp {
    static final int SIZE = 64;

    /** weft with {@code sendmmsg}/{@code recvmmsg}: a burst per system call. */
    static final String WEFT_MMSG = "weft-mmsg";

    @Param({Conn.WEFT, WEFT_MMSG, Conn.JDK})
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
    private ByteBuffer[] outs;
    private ByteBuffer[] ins;
    private SockAddr[] tos;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Bench.requireVirtual();
        impl = Bench.binding(impl);
        if (impl.equals(WEFT_MMSG)) {
            outs = new ByteBuffer[burst];
            ins = new ByteBuffer[burst];
            tos = new SockAddr[burst];
            for (int i = 0; i < burst; i++) {
                outs[i] = Bench.buffer("heap", SIZE);
                ins[i] = Bench.buffer("heap", 2048);
            }
        }
        if (!impl.equals(Conn.JDK)) {
            weftServer = Socket.open(Family.INET, SocketType.DGRAM);
            weftServer.bind(SockAddr.inet("127.0.0.1", 0));
            weftClient = Socket.open(Family.INET, SocketType.DGRAM);
            weftClient.bind(SockAddr.inet("127.0.0.1", 0));
            weftTo = weftServer.getSockName();
            if (tos != null) {
                Arrays.fill(tos, weftTo);
            }
            peer = Thread.ofVirtual().name("udp-echo").start(impl.equals(WEFT_MMSG) ? Udp.this::batchEcho : () -> {
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

    /** The weft-mmsg peer: takes what is queued (up to 64) in one call, returns it in one. */
    private void batchEcho() {
        ByteBuffer[] bufs = new ByteBuffer[64];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = ByteBuffer.allocate(2048);
        }
        SockAddr[] from = new SockAddr[bufs.length];
        try {
            for (;;) {
                for (ByteBuffer b : bufs) {
                    b.clear();
                }
                int n = weftServer.recvMmsgInto(bufs, from, 0);
                ByteBuffer[] back = Arrays.copyOf(bufs, n);
                for (ByteBuffer b : back) {
                    b.flip();
                }
                SockAddr[] to = Arrays.copyOf(from, n);
                for (int sent = 0; sent < n; ) {
                    sent += weftServer.sendMmsg(Arrays.copyOfRange(back, sent, n), Arrays.copyOfRange(to, sent, n), 0);
                }
            }
        } catch (IOException e) {
            // closed: done
        }
    }

    @Benchmark
    public int exchange() throws IOException {
        int got = 0;
        if (outs != null) {
            for (ByteBuffer o : outs) {
                o.clear();
            }
            for (int sent = 0; sent < burst; ) {
                sent += weftClient.sendMmsg(sent == 0 ? outs : Arrays.copyOfRange(outs, sent, burst),
                        sent == 0 ? tos : Arrays.copyOfRange(tos, sent, burst), 0);
            }
            for (int received = 0; received < burst; ) {
                ByteBuffer[] room = received == 0 ? ins : Arrays.copyOfRange(ins, received, burst);
                for (ByteBuffer b : room) {
                    b.clear();
                }
                int n = weftClient.recvMmsgInto(room, null, 0);
                for (int i = 0; i < n; i++) {
                    got += room[i].position();
                }
                received += n;
            }
        } else if (weftClient != null) {
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
