package dev.weft.tests;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the contract tests are written against: socket kinds with their specifics (how to
 * make an address to bind, what the kernel must offer, whether messages keep their
 * boundaries), and implementations of one small interface each for connections and
 * datagrams: weft, and the JDK where it has the same feature, as a reference oracle. A
 * contract that fails on the JDK is a wrong contract, not a weft bug.
 */
final class ContractKinds {
    private ContractKinds() {}

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Path DIR;

    static {
        try {
            DIR = TestKit.shortTempDir("wck");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A unique name for a file or abstract socket of this run. */
    static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /** A kind of connection: the specifics a contract needs to know about it. */
    enum StreamKind {
        TCP4(Family.INET, SocketType.STREAM, Capability.INET, false),
        TCP6(Family.INET6, SocketType.STREAM, Capability.INET6, false),
        UNIX_PATH(Family.UNIX, SocketType.STREAM, Capability.UNIX_STREAM, false),
        UNIX_ABSTRACT(Family.UNIX, SocketType.STREAM, Capability.UNIX_ABSTRACT, false),
        SEQPACKET(Family.UNIX, SocketType.SEQPACKET, Capability.UNIX_SEQPACKET, true);

        final Family family;
        final SocketType type;
        final Capability needs;
        /** Each read returns one whole message, as sent. */
        final boolean messages;

        StreamKind(Family family, SocketType type, Capability needs, boolean messages) {
            this.family = family;
            this.type = type;
            this.needs = needs;
            this.messages = messages;
        }

        /** A fresh address a listener can bind. */
        SockAddr newBindAddress() throws IOException {
            return switch (this) {
                case TCP4 -> SockAddr.inet("127.0.0.1", 0);
                case TCP6 -> SockAddr.inet6("::1", 0);
                case UNIX_PATH -> SockAddr.unix(DIR.resolve(uniqueName("s")));
                case UNIX_ABSTRACT, SEQPACKET -> SockAddr.unixAbstract(uniqueName("weft-contract"));
            };
        }
    }

    /** A kind of datagram socket and its specifics. */
    enum DgramKind {
        UDP4(Family.INET, Capability.INET), UDP6(Family.INET6, Capability.INET6), UNIX_DGRAM(Family.UNIX, Capability.UNIX_DGRAM);

        final Family family;
        final Capability needs;

        DgramKind(Family family, Capability needs) {
            this.family = family;
            this.needs = needs;
        }

        /** A fresh address to bind; a Unix datagram socket needs a name to be answered. */
        SockAddr newBindAddress() throws IOException {
            return switch (this) {
                case UDP4 -> SockAddr.inet("127.0.0.1", 0);
                case UDP6 -> SockAddr.inet6("::1", 0);
                case UNIX_DGRAM -> SockAddr.unix(DIR.resolve(uniqueName("d")));
            };
        }
    }

    // ---- connections ------------------------------------------------------------------

    interface StreamImpl {
        String name();

        boolean has(StreamKind k);

        Listener listen(StreamKind k) throws IOException;

        Conn connect(StreamKind k, SockAddr to) throws IOException;
    }

    interface Listener extends AutoCloseable {
        SockAddr address() throws IOException;

        Accepted accept() throws IOException;

        @Override
        void close() throws IOException;
    }

    record Accepted(Conn conn, SockAddr peer) {}

    interface Conn extends AutoCloseable {
        void sendAll(byte[] b, int off, int len) throws IOException;

        /** Up to {@code len} bytes; -1 at the end of the stream. */
        int read(byte[] b, int off, int len) throws IOException;

        /** null: wait without limit. */
        void setReadTimeout(Duration d) throws IOException;

        void shutdownOutput() throws IOException;

        SockAddr localAddress() throws IOException;

        SockAddr remoteAddress() throws IOException;

        @Override
        void close() throws IOException;
    }

    static final StreamImpl WEFT_STREAM = new StreamImpl() {
        @Override
        public String name() {
            return "weft";
        }

        @Override
        public boolean has(StreamKind k) {
            return true;
        }

        @Override
        public Listener listen(StreamKind k) throws IOException {
            Socket s = Socket.open(k.family, k.type);
            try {
                s.bind(k.newBindAddress());
                s.listen(16);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            return new Listener() {
                @Override
                public SockAddr address() throws IOException {
                    return s.getSockName();
                }

                @Override
                public Accepted accept() throws IOException {
                    Socket.Accepted a = s.accept();
                    return new Accepted(weftConn(a.socket()), a.address());
                }

                @Override
                public void close() throws IOException {
                    unlinkIfPath(s);
                    s.close();
                }
            };
        }

        @Override
        public Conn connect(StreamKind k, SockAddr to) throws IOException {
            Socket s = Socket.open(k.family, k.type);
            s.connect(to);
            return weftConn(s);
        }
    };

    private static void unlinkIfPath(Socket s) throws IOException {
        if (s.isOpen() && s.getSockName() instanceof SockAddr.Unix u && !u.isAbstract() && !u.isUnnamed()) {
            Files.deleteIfExists(Path.of(u.path()));
        }
    }

    static Conn weftConn(Socket s) {
        return new Conn() {
            @Override
            public void sendAll(byte[] b, int off, int len) throws IOException {
                s.sendAll(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = s.recvInto(b, off, len);
                // recv's 0 is the end of the stream (the contracts send no empty SEQPACKET message).
                return n == 0 && len > 0 ? -1 : n;
            }

            @Override
            public void setReadTimeout(Duration d) {
                s.setTimeout(d);
            }

            @Override
            public void shutdownOutput() throws IOException {
                s.shutdown(Socket.SHUT_WR);
            }

            @Override
            public SockAddr localAddress() throws IOException {
                return s.getSockName();
            }

            @Override
            public SockAddr remoteAddress() throws IOException {
                return s.getPeerName();
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }

    /**
     * The JDK's own sockets: {@code java.net.ServerSocket}/{@code Socket} for TCP (with
     * {@code SO_TIMEOUT}), {@code SocketChannel} with {@code UnixDomainSocketAddress} for
     * Unix paths (its read timeout is a {@link Selector} wait, as the channel has none).
     */
    static final StreamImpl JDK_STREAM = new StreamImpl() {
        @Override
        public String name() {
            return "jdk";
        }

        @Override
        public boolean has(StreamKind k) {
            return k == StreamKind.TCP4 || k == StreamKind.TCP6 || k == StreamKind.UNIX_PATH;
        }

        @Override
        public Listener listen(StreamKind k) throws IOException {
            if (k == StreamKind.UNIX_PATH) {
                ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                Path p = Path.of(((SockAddr.Unix) k.newBindAddress()).path());
                ch.bind(UnixDomainSocketAddress.of(p));
                return new Listener() {
                    @Override
                    public SockAddr address() throws IOException {
                        return SockAddr.of(ch.getLocalAddress());
                    }

                    @Override
                    public Accepted accept() throws IOException {
                        SocketChannel c = ch.accept();
                        return new Accepted(channelConn(c), SockAddr.of(c.getRemoteAddress()));
                    }

                    @Override
                    public void close() throws IOException {
                        ch.close();
                        Files.deleteIfExists(p);
                    }
                };
            }
            ServerSocket ss = new ServerSocket();
            ss.bind(k.newBindAddress().toSocketAddress(), 16);
            return new Listener() {
                @Override
                public SockAddr address() throws IOException {
                    return SockAddr.of(ss.getLocalSocketAddress());
                }

                @Override
                public Accepted accept() throws IOException {
                    java.net.Socket c = ss.accept();
                    return new Accepted(socketConn(c), SockAddr.of(c.getRemoteSocketAddress()));
                }

                @Override
                public void close() throws IOException {
                    ss.close();
                }
            };
        }

        @Override
        public Conn connect(StreamKind k, SockAddr to) throws IOException {
            if (k == StreamKind.UNIX_PATH) {
                return channelConn(SocketChannel.open(to.toSocketAddress()));
            }
            java.net.Socket s = new java.net.Socket();
            s.connect(to.toSocketAddress());
            return socketConn(s);
        }
    };

    static Conn socketConn(java.net.Socket s) {
        return new Conn() {
            @Override
            public void sendAll(byte[] b, int off, int len) throws IOException {
                s.getOutputStream().write(b, off, len);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return s.getInputStream().read(b, off, len);
            }

            @Override
            public void setReadTimeout(Duration d) throws IOException {
                s.setSoTimeout(d == null ? 0 : (int) Math.max(1, d.toMillis()));
            }

            @Override
            public void shutdownOutput() throws IOException {
                s.shutdownOutput();
            }

            @Override
            public SockAddr localAddress() throws IOException {
                return SockAddr.of(s.getLocalSocketAddress());
            }

            @Override
            public SockAddr remoteAddress() throws IOException {
                return SockAddr.of(s.getRemoteSocketAddress());
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }

    static Conn channelConn(SocketChannel ch) {
        return new Conn() {
            private volatile Duration timeout;

            @Override
            public void sendAll(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                synchronized (ch.blockingLock()) {
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Duration t = timeout;
                if (t != null) {
                    try (Selector sel = Selector.open()) {
                        synchronized (ch.blockingLock()) {
                            ch.configureBlocking(false);
                            try {
                                ch.register(sel, SelectionKey.OP_READ);
                                if (sel.select(Math.max(1, t.toMillis())) == 0) {
                                    throw new java.net.SocketTimeoutException("read timed out");
                                }
                            } finally {
                                sel.keys().forEach(SelectionKey::cancel);
                                sel.selectNow(); // deregisters, so the channel may block again
                                ch.configureBlocking(true);
                            }
                        }
                    }
                }
                return ch.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public void setReadTimeout(Duration d) {
                timeout = d;
            }

            @Override
            public void shutdownOutput() throws IOException {
                ch.shutdownOutput();
            }

            @Override
            public SockAddr localAddress() throws IOException {
                return SockAddr.of(ch.getLocalAddress());
            }

            @Override
            public SockAddr remoteAddress() throws IOException {
                return SockAddr.of(ch.getRemoteAddress());
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    // ---- datagrams --------------------------------------------------------------------

    interface DgramImpl {
        String name();

        boolean has(DgramKind k);

        Dgram open(DgramKind k) throws IOException;
    }

    record Datagram(byte[] data, SockAddr source) {}

    interface Dgram extends AutoCloseable {
        SockAddr localAddress() throws IOException;

        void sendTo(byte[] data, SockAddr to) throws IOException;

        Datagram receive(int max) throws IOException;

        void setReadTimeout(Duration d) throws IOException;

        void connect(SockAddr to) throws IOException;

        SockAddr remoteAddress() throws IOException;

        @Override
        void close() throws IOException;
    }

    static final DgramImpl WEFT_DGRAM = new DgramImpl() {
        @Override
        public String name() {
            return "weft";
        }

        @Override
        public boolean has(DgramKind k) {
            return true;
        }

        @Override
        public Dgram open(DgramKind k) throws IOException {
            Socket s = Socket.open(k.family, SocketType.DGRAM);
            try {
                s.bind(k.newBindAddress());
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            return new Dgram() {
                @Override
                public SockAddr localAddress() throws IOException {
                    return s.getSockName();
                }

                @Override
                public void sendTo(byte[] data, SockAddr to) throws IOException {
                    s.sendTo(data, to);
                }

                @Override
                public Datagram receive(int max) throws IOException {
                    Socket.Received r = s.recvFrom(max);
                    return new Datagram(r.data(), r.address());
                }

                @Override
                public void setReadTimeout(Duration d) {
                    s.setTimeout(d);
                }

                @Override
                public void connect(SockAddr to) throws IOException {
                    s.connect(to);
                }

                @Override
                public SockAddr remoteAddress() throws IOException {
                    return s.getPeerName();
                }

                @Override
                public void close() throws IOException {
                    unlinkIfPath(s);
                    s.close();
                }
            };
        }
    };

    /** {@code java.net.DatagramSocket}, UDP only. */
    static final DgramImpl JDK_DGRAM = new DgramImpl() {
        @Override
        public String name() {
            return "jdk";
        }

        @Override
        public boolean has(DgramKind k) {
            return k != DgramKind.UNIX_DGRAM;
        }

        @Override
        public Dgram open(DgramKind k) throws IOException {
            DatagramSocket d = new DatagramSocket(k.newBindAddress().toSocketAddress());
            return new Dgram() {
                @Override
                public SockAddr localAddress() throws IOException {
                    return SockAddr.of(d.getLocalSocketAddress());
                }

                @Override
                public void sendTo(byte[] data, SockAddr to) throws IOException {
                    d.send(new DatagramPacket(data, data.length, to.toSocketAddress()));
                }

                @Override
                public Datagram receive(int max) throws IOException {
                    DatagramPacket p = new DatagramPacket(new byte[max], max);
                    d.receive(p);
                    byte[] got = java.util.Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
                    return new Datagram(got, SockAddr.of(p.getSocketAddress()));
                }

                @Override
                public void setReadTimeout(Duration t) throws IOException {
                    d.setSoTimeout(t == null ? 0 : (int) Math.max(1, t.toMillis()));
                }

                @Override
                public void connect(SockAddr to) throws IOException {
                    d.connect(to.toSocketAddress());
                }

                @Override
                public SockAddr remoteAddress() throws IOException {
                    SocketAddress a = d.getRemoteSocketAddress();
                    return a == null ? null : SockAddr.of(a);
                }

                @Override
                public void close() {
                    d.close();
                }
            };
        }
    };

    /** Every (implementation, kind) pair the implementation offers. */
    static List<Object[]> streamCases() {
        List<Object[]> out = new ArrayList<>();
        for (StreamImpl i : List.of(WEFT_STREAM, JDK_STREAM)) {
            for (StreamKind k : StreamKind.values()) {
                if (i.has(k)) {
                    out.add(new Object[] {i.name(), k});
                }
            }
        }
        return out;
    }

    static List<Object[]> dgramCases() {
        List<Object[]> out = new ArrayList<>();
        for (DgramImpl i : List.of(WEFT_DGRAM, JDK_DGRAM)) {
            for (DgramKind k : DgramKind.values()) {
                if (i.has(k)) {
                    out.add(new Object[] {i.name(), k});
                }
            }
        }
        return out;
    }

    static StreamImpl streamImpl(String name) {
        return name.equals("weft") ? WEFT_STREAM : JDK_STREAM;
    }

    static DgramImpl dgramImpl(String name) {
        return name.equals("weft") ? WEFT_DGRAM : JDK_DGRAM;
    }

    /** True if this system offers what {@code c} needs. */
    static boolean available(Capability c) {
        return Sockets.supports(c);
    }
}
