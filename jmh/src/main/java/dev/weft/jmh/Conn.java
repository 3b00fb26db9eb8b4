package dev.weft.jmh;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One end of a stream connection, either a weft {@link Socket} or the JDK's blocking
 * {@link SocketChannel}: the same benchmark code drives both, so a weft figure and its JDK
 * twin differ only in the library underneath. Within one JMH fork only one implementation
 * is ever loaded, so the interface calls stay monomorphic.
 */
interface Conn extends Closeable {
    /** Writes every remaining byte of {@code b}. */
    void writeFully(ByteBuffer b) throws IOException;

    /** Reads some bytes into {@code b}; -1 at end of stream. */
    int read(ByteBuffer b) throws IOException;

    /** The two implementations, as the benchmarks' {@code impl} parameter names them. */
    String WEFT = "weft";
    String JDK = "jdk";
    /**
     * An experiment, in no default parameter list: weft with a spin before parking, done
     * in the application (see {@link WeftSpin}). Run e.g. {@code -p impl=weft,weft-spin,jdk}.
     */
    String WEFT_SPIN = "weft-spin";
    /**
     * weft on JNA, in no default parameter list: where the default binding is FFM (JDK 22+),
     * {@code -p impl=weft,weft-jna,jdk} compares the two ({@link Bench#binding}).
     */
    String WEFT_JNA = "weft-jna";

    /** A connected pair and what else must be closed with it (a listener, a socket file). */
    record Pair(Conn client, Conn server, AutoCloseable rest) implements Closeable {
        @Override
        public void close() throws IOException {
            Bench.closeQuietly(client, server, rest);
        }
    }

    /** weft: {@code sendAll} and {@code recvInto} (0 means end of stream there). */
    record Weft(Socket s) implements Conn {
        @Override
        public void writeFully(ByteBuffer b) throws IOException {
            s.sendAll(b);
        }

        @Override
        public int read(ByteBuffer b) throws IOException {
            int n = s.recvInto(b);
            return n == 0 && b.hasRemaining() ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    /**
     * weft with a spin before parking, emulated above the API: reads first try in
     * non-blocking mode ({@code Duration.ZERO}), yielding between tries, for up to
     * {@code weft.bench.spinNanos} (default 50 µs), and only then block. It estimates what
     * a spin inside weft would buy; inside weft it would cost less, since each failed try
     * here pays for a {@code WouldBlockException}. Yielding, not {@code onSpinWait}, so
     * the peer can run when both share one carrier.
     */
    record WeftSpin(Socket s, long spinNanos) implements Conn {
        WeftSpin(Socket s) {
            this(s, Long.getLong("weft.bench.spinNanos", 50_000));
        }

        @Override
        public void writeFully(ByteBuffer b) throws IOException {
            s.setTimeout(null);
            s.sendAll(b);
        }

        @Override
        public int read(ByteBuffer b) throws IOException {
            long start = System.nanoTime();
            s.setTimeout(java.time.Duration.ZERO);
            int n;
            for (;;) {
                try {
                    n = s.recvInto(b);
                    break;
                } catch (dev.weft.WouldBlockException e) {
                    if (System.nanoTime() - start > spinNanos) {
                        s.setTimeout(null);
                        n = s.recvInto(b);
                        break;
                    }
                    Thread.yield();
                }
            }
            return n == 0 && b.hasRemaining() ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    /** The JDK: a {@link SocketChannel} in blocking mode (on a virtual thread it parks in the JDK's poller). */
    record Jdk(SocketChannel ch) implements Conn {
        @Override
        public void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        @Override
        public int read(ByteBuffer b) throws IOException {
            return ch.read(b);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    /** A loopback TCP connection with TCP_NODELAY on both ends. */
    static Pair tcp(String impl) throws IOException {
        if (impl.equals(WEFT_SPIN)) {
            Pair p = tcp(WEFT);
            return new Pair(new WeftSpin(((Weft) p.client()).s()), new WeftSpin(((Weft) p.server()).s()), p.rest());
        }
        return switch (impl) {
            case WEFT -> {
                Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
                Socket c = Socket.open(Family.INET, SocketType.STREAM);
                c.connect(server.getSockName());
                Socket a = server.accept().socket();
                c.setOption(SockOpt.TCP_NODELAY, true);
                a.setOption(SockOpt.TCP_NODELAY, true);
                yield new Pair(new Weft(c), new Weft(a), server);
            }
            case JDK -> {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel c = SocketChannel.open(server.getLocalAddress());
                SocketChannel a = server.accept();
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                a.setOption(StandardSocketOptions.TCP_NODELAY, true);
                yield new Pair(new Jdk(c), new Jdk(a), server);
            }
            default -> throw new IllegalArgumentException("impl " + impl);
        };
    }

    /** An AF_UNIX stream connection through a listener on a fresh path (the JDK has no socketpair). */
    static Pair unix(String impl) throws IOException {
        Path dir = Files.createTempDirectory("weft-bench");
        Path path = dir.resolve("s");
        Closeable cleanup = () -> {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        };
        return switch (impl) {
            case WEFT -> {
                Socket server = Socket.open(Family.UNIX, SocketType.STREAM);
                server.bind(SockAddr.unix(path.toString()));
                server.listen();
                Socket c = Socket.open(Family.UNIX, SocketType.STREAM);
                c.connect(SockAddr.unix(path.toString()));
                Socket a = server.accept().socket();
                yield new Pair(new Weft(c), new Weft(a), () -> Bench.closeQuietly(server, cleanup));
            }
            case JDK -> {
                UnixDomainSocketAddress addr = UnixDomainSocketAddress.of(path);
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(addr);
                SocketChannel c = SocketChannel.open(addr);
                SocketChannel a = server.accept();
                yield new Pair(new Jdk(c), new Jdk(a), () -> Bench.closeQuietly(server, cleanup));
            }
            default -> throw new IllegalArgumentException("impl " + impl);
        };
    }
}
