package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_PACKET} addresses through the kernel, against python3's {@code socket} on this
 * machine: the same sockets report the same {@code (ifname, proto, pkttype, hatype, addr)};
 * an unknown interface fails as CPython's does ({@code ENODEV}); a received frame names
 * its interface. Needs {@code CAP_NET_RAW} (root here); skipped without it.
 */
class PacketFamilyTest {
    private static final int ETH_P_IP = 0x0800;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int PACKET_HOST = 0;
    private static final int PACKET_OUTGOING = 4;

    @BeforeEach
    void needsPacketSockets() {
        Assumptions.assumeTrue(Sockets.provider().nativeFamily(Family.PACKET) >= 0, "this OS has no AF_PACKET");
        try (Socket s = Socket.open(Family.PACKET, SocketType.DGRAM, 0)) {
            // opened: we may
        } catch (IOException e) {
            Assumptions.abort("AF_PACKET sockets need CAP_NET_RAW: " + e.getMessage());
        }
    }

    /** What getsockname gives, unbound, bound to lo with ETH_P_IP, and with protocol 0: python3's answers. */
    @Test
    void getsocknameMatchesPython() throws Exception {
        String script = """
                import socket
                def show(a): print('|'.join(map(str, a[:4])) + '|' + a[4].hex())
                s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x0800))
                show(s.getsockname())
                s.bind(('lo', 0x0800))
                show(s.getsockname())
                t = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, 0)
                t.bind(('lo', 0))
                show(t.getsockname())
                """;
        List<String> python = run(script);
        List<String> weft = new ArrayList<>();
        try (Socket s = Socket.open(Family.PACKET, SocketType.DGRAM, Sockets.htons(ETH_P_IP));
                Socket t = Socket.open(Family.PACKET, SocketType.DGRAM, 0)) {
            weft.add(show(s.getSockName()));
            s.bind(new SockAddr.Packet("lo", ETH_P_IP));
            weft.add(show(s.getSockName()));
            t.bind(new SockAddr.Packet("lo", 0));
            weft.add(show(t.getSockName()));
        }
        assertEquals(python, weft, "getsockname as python3 reports it");
        assertEquals("lo|2048|0|" + ARPHRD_LOOPBACK + "|000000000000", weft.get(1), "bound to lo");
    }

    @Test
    void anUnknownInterfaceIsNoSuchDeviceAsInCPython() throws IOException {
        try (Socket s = Socket.open(Family.PACKET, SocketType.DGRAM, Sockets.htons(ETH_P_IP))) {
            IOException e = assertThrows(IOException.class, () -> s.bind(new SockAddr.Packet("weftnosuch0", ETH_P_IP)));
            assertEquals(Errno.ENODEV, ((OsError) e).errno(), "errno of " + e);
        }
    }

    /**
     * A UDP datagram over loopback arrives on the packet socket from lo's address. Other
     * tests share lo and may fill the queue before ours arrives, so it is sent again each
     * second until seen (at most ten times).
     */
    @Test
    void aFrameOnLoNamesItsInterface() throws IOException {
        try (Socket p = Socket.open(Family.PACKET, SocketType.DGRAM, Sockets.htons(ETH_P_IP));
                Socket rx = Socket.open(Family.INET, SocketType.DGRAM);
                Socket tx = Socket.open(Family.INET, SocketType.DGRAM)) {
            p.bind(new SockAddr.Packet("lo", ETH_P_IP));
            p.setTimeout(Duration.ofSeconds(1));
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            byte[] marker = ("weft-packet-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
            for (int attempt = 0; attempt < 10; attempt++) {
                tx.sendTo(marker, rx.getSockName());
                Socket.Received r = receiveEndingIn(p, marker);
                if (r == null) {
                    continue;
                }
                SockAddr.Packet from = (SockAddr.Packet) r.address();
                assertEquals("lo", from.ifname(), "interface of " + from);
                assertEquals(ETH_P_IP, from.proto(), "protocol of " + from);
                assertEquals(ARPHRD_LOOPBACK, from.hatype(), "hardware type of " + from);
                assertTrue(from.pkttype() == PACKET_HOST || from.pkttype() == PACKET_OUTGOING, "packet type of " + from);
                assertArrayEquals(new byte[6], from.addr(), "lo's hardware address");
                assertEquals(InetAddress.getByName("127.0.0.1"), InetAddress.getByAddress(java.util.Arrays.copyOfRange(r.data(), 16, 20)),
                        "the frame is the IPv4 datagram we sent");
                return;
            }
            throw new AssertionError("the datagram sent ten times over lo never reached the packet socket");
        }
    }

    /** The next frame ending in {@code marker}, or null if none came within the socket's timeout. */
    private static Socket.Received receiveEndingIn(Socket p, byte[] marker) throws IOException {
        try {
            for (;;) {
                Socket.Received r = p.recvFrom(65536);
                if (r.data().length >= marker.length && endsWith(r.data(), marker)) {
                    return r;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return null;
        }
    }

    private static boolean endsWith(byte[] d, byte[] tail) {
        return java.util.Arrays.equals(d, d.length - tail.length, d.length, tail, 0, tail.length);
    }

    private static String show(SockAddr a) {
        SockAddr.Packet p = (SockAddr.Packet) a;
        return p.ifname() + "|" + p.proto() + "|" + p.pkttype() + "|" + p.hatype() + "|" + HexFormat.of().formatHex(p.addr());
    }

    private static List<String> run(String script) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "python3 ends");
        assertEquals(0, p.exitValue(), "python3: " + out);
        return out.lines().toList();
    }
}
