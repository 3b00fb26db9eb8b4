package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UDP over INET and INET6: addresses on both ends, recvfrom_into, empty datagrams, boundaries, truncation. */
class UdpTest {

    private static SockAddr loopback(Family f) throws Exception {
        return f == Family.INET ? SockAddr.inet("127.0.0.1", 0) : SockAddr.inet6("::1", 0);
    }

    private static void assume(Family f) {
        Assumptions.assumeTrue(Sockets.supports(f == Family.INET ? Capability.INET : Capability.INET6), f + " is not available here");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Family.class, names = {"INET", "INET6"})
    void sendToAndRecvFromCarryAddresses(Family f) throws Exception {
        assume(f);
        try (Socket a = Socket.open(f, SocketType.DGRAM);
             Socket b = Socket.open(f, SocketType.DGRAM)) {
            a.bind(loopback(f));
            b.bind(loopback(f));
            SockAddr aAddr = a.getSockName();
            SockAddr bAddr = b.getSockName();
            assertEquals(f, aAddr.family());
            byte[] hello = "hello over udp".getBytes(StandardCharsets.US_ASCII);
            assertEquals(hello.length, a.sendTo(hello, bAddr));
            Socket.Received r = TestKit.inVirtualThread(() -> b.recvFrom(1024));
            assertArrayEquals(hello, r.data());
            assertEquals(aAddr, r.address(), "the sender's address and port");

            // The reply goes back to the address recvfrom reported.
            b.sendTo(ByteBuffer.wrap("reply".getBytes(StandardCharsets.US_ASCII)), 0, r.address());
            Socket.Received back = TestKit.inVirtualThread(() -> a.recvFrom(1024));
            assertEquals("reply", new String(back.data(), StandardCharsets.US_ASCII));
            assertEquals(bAddr, back.address());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Family.class, names = {"INET", "INET6"})
    void recvFromIntoFillsHeapAndDirectBuffersFromTheirPosition(Family f) throws Exception {
        assume(f);
        try (Socket a = Socket.open(f, SocketType.DGRAM);
             Socket b = Socket.open(f, SocketType.DGRAM)) {
            a.bind(loopback(f));
            b.bind(loopback(f));
            for (ByteBuffer dst : new ByteBuffer[] {ByteBuffer.allocate(64), ByteBuffer.allocateDirect(64)}) {
                dst.position(5);
                a.sendTo(new byte[] {10, 20, 30}, b.getSockName());
                Socket.ReceivedInto r = TestKit.inVirtualThread(() -> b.recvFromInto(dst));
                assertEquals(3, r.nbytes());
                assertEquals(a.getSockName(), r.address());
                assertEquals(8, dst.position(), "the position advances by the count");
                assertEquals(10, dst.get(5));
                assertEquals(20, dst.get(6));
                assertEquals(30, dst.get(7));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Family.class, names = {"INET", "INET6"})
    void emptyDatagramsBoundariesAndTruncation(Family f) throws Exception {
        assume(f);
        try (Socket a = Socket.open(f, SocketType.DGRAM);
             Socket b = Socket.open(f, SocketType.DGRAM)) {
            a.bind(loopback(f));
            b.bind(loopback(f));
            SockAddr to = b.getSockName();
            // An empty datagram is a datagram: it arrives, empty, with its sender.
            assertEquals(0, a.sendTo(new byte[0], to));
            Socket.Received empty = TestKit.inVirtualThread(() -> b.recvFrom(100));
            assertEquals(0, empty.data().length);
            assertEquals(a.getSockName(), empty.address());

            // Three datagrams of different sizes arrive as three.
            byte[][] msgs = {{1}, TestKit.randomBytes(500, 1), TestKit.randomBytes(1400, 2)};
            for (byte[] m : msgs) {
                a.sendTo(m, to);
            }
            for (byte[] m : msgs) {
                assertArrayEquals(m, TestKit.inVirtualThread(() -> b.recvFrom(65536)).data());
            }

            // A short buffer gets the start of one datagram; the rest of it is gone.
            a.sendTo("0123456789".getBytes(StandardCharsets.US_ASCII), to);
            a.sendTo("second".getBytes(StandardCharsets.US_ASCII), to);
            assertEquals("0123", new String(TestKit.inVirtualThread(() -> b.recvFrom(4)).data(), StandardCharsets.US_ASCII));
            assertEquals("second", new String(TestKit.inVirtualThread(() -> b.recvFrom(100)).data(), StandardCharsets.US_ASCII));

            // The largest datagram the family allows over loopback, from a heap array, arrives whole.
            int max = f == Family.INET ? 65507 : 65527;
            byte[] big = TestKit.randomBytes(max, 3);
            assertEquals(max, a.sendTo(big, to));
            assertArrayEquals(big, TestKit.inVirtualThread(() -> b.recvFrom(65536)).data());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Family.class, names = {"INET", "INET6"})
    void connectedDatagramSocketsUseSendAndRecv(Family f) throws Exception {
        assume(f);
        try (Socket a = Socket.open(f, SocketType.DGRAM);
             Socket b = Socket.open(f, SocketType.DGRAM)) {
            a.bind(loopback(f));
            b.bind(loopback(f));
            a.connect(b.getSockName());
            b.connect(a.getSockName());
            assertEquals(b.getSockName(), a.getPeerName());
            a.send("x".getBytes(StandardCharsets.US_ASCII));
            b.send("yz".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("x".getBytes(StandardCharsets.US_ASCII), TestKit.inVirtualThread(() -> b.recv(10)));
            assertArrayEquals("yz".getBytes(StandardCharsets.US_ASCII), TestKit.inVirtualThread(() -> a.recv(10)));
            // recvfrom on a connected datagram socket still names the peer.
            a.send(new byte[] {7});
            Socket.Received r = TestKit.inVirtualThread(() -> b.recvFrom(10));
            Class<? extends SockAddr> expected = f == Family.INET ? SockAddr.Inet4.class : SockAddr.Inet6.class;
            assertInstanceOf(expected, r.address());
            assertEquals(a.getSockName(), r.address());
        }
    }
}
