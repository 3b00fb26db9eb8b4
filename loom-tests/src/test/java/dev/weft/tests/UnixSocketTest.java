package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AF_UNIX: Linux's abstract namespace and autobind, path sockets, message boundaries of
 * SEQPACKET and DGRAM (and truncation by a short buffer), and socket pairs of every type.
 */
class UnixSocketTest {
    @TempDir
    Path dir;

    private static void assume(Capability c) {
        Assumptions.assumeTrue(Sockets.supports(c), c + " is not offered by this OS/kernel");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Connects a client to a bound, listening {@code server}; returns {client, accepted}. */
    private static Socket[] connectPair(Socket server, SocketType type) throws Exception {
        Socket c = Socket.open(Family.UNIX, type);
        try {
            c.connect(server.getSockName());
            Socket.Accepted a = TestKit.inVirtualThread(server::accept);
            return new Socket[] {c, a.socket()};
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    // ---- names ----------------------------------------------------------------------------

    @Test
    void abstractNameBindConnectGetsocknameRoundTrip() throws Exception {
        assume(Capability.UNIX_ABSTRACT);
        String name = TestKit.uniqueName("abstract");
        SockAddr addr = SockAddr.unixAbstract(name);
        try (Socket server = Socket.open(Family.UNIX, SocketType.STREAM)) {
            server.bind(addr);
            server.listen();
            SockAddr.Unix got = assertInstanceOf(SockAddr.Unix.class, server.getSockName());
            assertTrue(got.isAbstract());
            assertEquals(addr, got);
            assertEquals(name, got.path());
            assertEquals(0, got.bytes()[0]);
            Socket[] ends = connectPair(server, SocketType.STREAM);
            try (Socket c = ends[0]; Socket a = ends[1]) {
                assertEquals(addr, c.getPeerName());
                assertEquals(addr, a.getSockName());
                c.sendAll(ascii("ping"));
                assertArrayEquals(ascii("ping"), TestKit.recvExactly(a, 4));
            }
            // A second socket cannot take the same abstract name.
            try (Socket other = Socket.open(Family.UNIX, SocketType.STREAM)) {
                IOException e = assertThrows(IOException.class, () -> other.bind(addr));
                assertEquals(Errno.EADDRINUSE, ((OsError) e).errno());
            }
        }
    }

    @Test
    void autobindToTheEmptyNameGivesAnAbstractName() throws Exception {
        assume(Capability.UNIX_AUTOBIND);
        try (Socket s = Socket.open(Family.UNIX, SocketType.DGRAM);
             Socket t = Socket.open(Family.UNIX, SocketType.DGRAM)) {
            s.bind(new SockAddr.Unix(new byte[0]));
            SockAddr.Unix name = assertInstanceOf(SockAddr.Unix.class, s.getSockName());
            assertTrue(name.isAbstract(), "autobind must pick an abstract name, got " + name);
            assertTrue(name.bytes().length > 1, "autobind name " + name);
            // The kernel's name is reachable: a datagram sent to it arrives, from an autobound sender.
            t.bind(SockAddr.UNIX_UNNAMED);
            t.sendTo(ascii("to-auto"), name);
            Socket.Received r = TestKit.inVirtualThread(() -> s.recvFrom(100));
            assertArrayEquals(ascii("to-auto"), r.data());
            assertEquals(t.getSockName(), r.address());
        }
    }

    @Test
    void pathSocketBindConnectAndGetsockname() throws Exception {
        assume(Capability.UNIX_STREAM);
        Path path = dir.resolve("s.sock");
        SockAddr addr = SockAddr.unix(path);
        try (Socket server = Socket.open(Family.UNIX, SocketType.STREAM)) {
            server.bind(addr);
            server.listen();
            assertTrue(Files.exists(path), "bind must create the socket file");
            SockAddr.Unix got = assertInstanceOf(SockAddr.Unix.class, server.getSockName());
            assertEquals(addr, got);
            assertEquals(path.toString(), got.path());
            Socket[] ends = connectPair(server, SocketType.STREAM);
            try (Socket c = ends[0]; Socket a = ends[1]) {
                assertEquals(addr, c.getPeerName());
                assertTrue(((SockAddr.Unix) a.getPeerName()).isUnnamed(), "an unbound client is unnamed");
                a.sendAll(ascii("pong"));
                assertArrayEquals(ascii("pong"), TestKit.recvExactly(c, 4));
            }
            // The file stays after close, so a new bind fails until it is removed (as in C and Python).
            try (Socket again = Socket.open(Family.UNIX, SocketType.STREAM)) {
                IOException e = assertThrows(IOException.class, () -> again.bind(addr));
                assertEquals(Errno.EADDRINUSE, ((OsError) e).errno());
            }
        }
    }

    /**
     * The longest path this OS's sun_path can hold (107 bytes and the NUL on Linux, 103 on
     * macOS) binds and reads back unchanged; one byte more is refused before the kernel sees it.
     */
    @Test
    void pathOfTheMaximumLengthWorks() throws Exception {
        assume(Capability.UNIX_STREAM);
        String base = dir.toString() + "/";
        int max = TestKit.unixPathMax();
        int room = max - base.length();
        Assumptions.assumeTrue(room > 0, "temporary directory path too long: " + base);
        Path path = Path.of(base + "p".repeat(room));
        assertEquals(max, path.toString().getBytes(StandardCharsets.UTF_8).length);
        try (Socket s = Socket.open(Family.UNIX, SocketType.STREAM)) {
            s.bind(SockAddr.unix(path));
            assertEquals(SockAddr.unix(path), s.getSockName());
        }
        try (Socket s = Socket.open(Family.UNIX, SocketType.STREAM)) {
            assertThrows(IllegalArgumentException.class, () -> s.bind(SockAddr.unix(path + "q")));
        }
    }

    // ---- message boundaries -----------------------------------------------------------------

    @Test
    void seqpacketPreservesMessageBoundaries() throws Exception {
        assume(Capability.UNIX_SEQPACKET);
        try (Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.SEQPACKET, 0)) {
            assertThreeMessagesArriveSeparately(p.first(), p.second());
            assertShortBufferTruncatesOneMessage(p.first(), p.second());
        }
        // The same through a listener bound to an abstract name.
        assume(Capability.UNIX_ABSTRACT);
        try (Socket server = Socket.open(Family.UNIX, SocketType.SEQPACKET)) {
            server.bind(SockAddr.unixAbstract(TestKit.uniqueName("seqpacket")));
            server.listen();
            Socket[] ends = connectPair(server, SocketType.SEQPACKET);
            try (Socket c = ends[0]; Socket a = ends[1]) {
                assertEquals(SocketType.SEQPACKET, a.type());
                assertThreeMessagesArriveSeparately(c, a);
                assertThreeMessagesArriveSeparately(a, c);
            }
        }
    }

    @Test
    void datagramsPreserveBoundariesBetweenPathSockets() throws Exception {
        assume(Capability.UNIX_DGRAM);
        SockAddr ra = SockAddr.unix(dir.resolve("r.sock"));
        SockAddr wa = SockAddr.unix(dir.resolve("w.sock"));
        try (Socket r = Socket.open(Family.UNIX, SocketType.DGRAM);
             Socket w = Socket.open(Family.UNIX, SocketType.DGRAM)) {
            r.bind(ra);
            w.bind(wa);
            byte[][] msgs = {ascii("a"), TestKit.randomBytes(1000, 1), TestKit.randomBytes(30_000, 2)};
            for (byte[] m : msgs) {
                assertEquals(m.length, w.sendTo(m, ra));
            }
            for (byte[] m : msgs) {
                Socket.Received got = TestKit.inVirtualThread(() -> r.recvFrom(65536));
                assertArrayEquals(m, got.data());
                assertEquals(wa, got.address(), "the sender's path");
            }
            // An empty datagram is a datagram.
            w.sendTo(new byte[0], ra);
            Socket.Received empty = TestKit.inVirtualThread(() -> r.recvFrom(100));
            assertEquals(0, empty.data().length);
            assertEquals(wa, empty.address());
        }
        try (Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
            assertThreeMessagesArriveSeparately(p.first(), p.second());
            assertShortBufferTruncatesOneMessage(p.first(), p.second());
        }
    }

    /** Sends 3 messages of different sizes, from heap and direct buffers; each arrives alone and whole. */
    private static void assertThreeMessagesArriveSeparately(Socket from, Socket to) throws Exception {
        byte[] one = ascii("x");
        byte[] two = TestKit.randomBytes(777, 3);
        byte[] three = TestKit.randomBytes(20_000, 4);
        assertEquals(1, from.send(one));
        ByteBuffer direct = ByteBuffer.allocateDirect(two.length).put(two).flip();
        assertEquals(two.length, from.send(direct));
        assertEquals(three.length, from.send(ByteBuffer.wrap(three)));
        assertArrayEquals(one, TestKit.inVirtualThread(() -> to.recv(65536)));
        ByteBuffer into = ByteBuffer.allocateDirect(65536);
        assertEquals(two.length, TestKit.inVirtualThread(() -> to.recvInto(into)));
        byte[] got = new byte[two.length];
        into.flip().get(got);
        assertArrayEquals(two, got);
        assertArrayEquals(three, TestKit.inVirtualThread(() -> to.recv(65536)));
    }

    /** A receive buffer shorter than the message gets its start; the rest is discarded, not kept for the next recv. */
    private static void assertShortBufferTruncatesOneMessage(Socket from, Socket to) throws Exception {
        from.send(ascii("0123456789"));
        from.send(ascii("next"));
        assertArrayEquals(ascii("012"), TestKit.inVirtualThread(() -> to.recv(3)));
        assertArrayEquals(ascii("next"), TestKit.inVirtualThread(() -> to.recv(100)));
    }

    /**
     * A message larger than weft's native scratch area for heap buffers (256 KiB by default)
     * must still travel as one message, from a heap array and into one: a datagram cannot be
     * "partly sent" the way a stream can.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SocketType.class, names = {"SEQPACKET", "DGRAM"})
    void messageLargerThanTheHeapScratchAreaStaysWhole(SocketType type) throws Exception {
        assume(type == SocketType.SEQPACKET ? Capability.UNIX_SEQPACKET : Capability.UNIX_DGRAM);
        int size = 400 * 1024;
        try (Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, type, 0)) {
            p.first().setOption(SockOpt.SO_SNDBUF, 2 * size);
            p.second().setOption(SockOpt.SO_RCVBUF, 2 * size);
            Assumptions.assumeTrue(p.first().getOption(SockOpt.SO_SNDBUF) > size + 4096,
                    "the kernel caps SO_SNDBUF (net.core.wmem_max) below " + size);
            byte[] msg = TestKit.randomBytes(size, 5);
            int sent = TestKit.inVirtualThread(() -> p.first().send(msg));
            assertEquals(size, sent, "a datagram is sent whole or not at all");
            byte[] got = TestKit.inVirtualThread(() -> p.second().recv(size + 1));
            assertEquals(size, got.length, "one message, whole");
            assertArrayEquals(msg, got);
        }
    }

    // ---- socket pairs -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SocketType.class, names = {"STREAM", "DGRAM", "SEQPACKET"})
    void socketPairOfEveryType(SocketType type) throws Exception {
        assume(Capability.SOCKETPAIR);
        assume(switch (type) {
            case STREAM -> Capability.UNIX_STREAM;
            case DGRAM -> Capability.UNIX_DGRAM;
            default -> Capability.UNIX_SEQPACKET;
        });
        try (Sockets.SocketPair p = Sockets.socketPair(Family.UNIX, type, 0)) {
            for (Socket s : new Socket[] {p.first(), p.second()}) {
                assertEquals(Family.UNIX, s.family());
                assertEquals(type, s.type());
                assertEquals(s.nativeType(), s.getOption(SockOpt.SO_TYPE));
                assertTrue(((SockAddr.Unix) s.getSockName()).isUnnamed());
            }
            p.first().sendAll(ascii("there"));
            p.second().sendAll(ascii("back"));
            assertArrayEquals(ascii("there"), TestKit.inVirtualThread(() -> TestKit.recvExactly(p.second(), 5)));
            assertArrayEquals(ascii("back"), TestKit.inVirtualThread(() -> TestKit.recvExactly(p.first(), 4)));
        }
    }

    @Test
    void defaultSocketPairIsAUnixStreamPair() throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            assertEquals(Family.UNIX, p.first().family());
            assertEquals(SocketType.STREAM, p.first().type());
            byte[] big = TestKit.randomBytes(3 << 20, 9);
            TestKit.Started<Void> w = TestKit.start(true, "writer", () -> {
                p.first().sendAll(big);
                p.first().shutdown(Socket.SHUT_WR);
                return null;
            });
            byte[] got = TestKit.inVirtualThread(() -> TestKit.readToEof(p.second()));
            w.get();
            assertTrue(Arrays.equals(big, got), "stream bytes differ");
        }
    }
}
