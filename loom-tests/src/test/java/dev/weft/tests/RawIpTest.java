package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raw IP sockets on loopback ({@code SOCK_RAW} with {@code IPPROTO_ICMP}, {@code ICMPV6},
 * {@code UDP}, {@code IPPROTO_RAW} and an unassigned protocol number): the kernel answers a
 * hand-made echo request, a raw UDP socket sees a datagram whole with its IP header, a
 * packet built with {@code IP_HDRINCL} is delivered as written, and the modes hold on a raw
 * socket. Needs {@code CAP_NET_RAW}; skipped without it.
 */
class RawIpTest {
    private static final int ICMP = Sockets.constant("IPPROTO_ICMP", 1);
    private static final int ICMPV6 = Sockets.constant("IPPROTO_ICMPV6", 58);
    private static final int UDP = Sockets.constant("IPPROTO_UDP", 17);
    private static final int RAW = Sockets.constant("IPPROTO_RAW", 255);
    /** RFC 3692's experimental protocol number: nothing else on this machine sends it. */
    private static final int EXPERIMENTAL = 253;

    @BeforeEach
    void needsRawSockets() {
        try (Socket s = Socket.open(Family.INET, SocketType.RAW, ICMP)) {
            // opened: we may
        } catch (IOException e) {
            Assumptions.abort("raw sockets need CAP_NET_RAW: " + e.getMessage());
        }
    }

    /** An ICMP echo request: type, code, checksum, id, seq, data; the checksum over all of it. */
    static byte[] echoRequest(int type, int id, int seq, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length);
        b.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq).put(data);
        byte[] m = b.array();
        int sum = checksum(m, 0, m.length);
        m[2] = (byte) (sum >> 8);
        m[3] = (byte) sum;
        return m;
    }

    static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += ((b[off + i] & 0xff) << 8) | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    @Test
    void theKernelAnswersAnIcmpEchoOnARawSocket() throws IOException {
        try (Socket s = Socket.open(Family.INET, SocketType.RAW, ICMP)) {
            s.setTimeout(Duration.ofSeconds(10));
            int id = (int) (ProcessHandle.current().pid() & 0xffff);
            byte[] data = "weft-raw-icmp".getBytes(StandardCharsets.US_ASCII);
            s.sendTo(echoRequest(8, id, 7, data), SockAddr.inet("127.0.0.1", 0));
            for (;;) { // a raw ICMP socket sees all ICMP, ours and others' (the request too, on lo)
                Socket.Received r = s.recvFrom(2048);
                byte[] d = r.data();
                int ihl = (d[0] & 0xf) * 4; // an IPv4 raw socket receives the IP header
                if ((d[ihl] & 0xff) == 0 && ByteBuffer.wrap(d).getShort(ihl + 4) == (short) id && ByteBuffer.wrap(d).getShort(ihl + 6) == 7) {
                    assertEquals(SockAddr.inet("127.0.0.1", 0), r.address(), "from 127.0.0.1, port 0 as in CPython");
                    assertEquals(ICMP, d[9] & 0xff, "the IP header's protocol");
                    assertArrayEquals(data, Arrays.copyOfRange(d, ihl + 8, d.length), "the echo carries our data");
                    assertEquals(0, checksum(d, ihl, d.length - ihl), "the reply's ICMP checksum verifies");
                    return;
                }
            }
        }
    }

    @Test
    void theKernelAnswersAnIcmpv6EchoAndFillsItsChecksum() throws IOException {
        try (Socket s = Socket.open(Family.INET6, SocketType.RAW, ICMPV6)) {
            s.setTimeout(Duration.ofSeconds(10));
            int id = (int) (ProcessHandle.current().pid() & 0xffff);
            byte[] data = "weft-raw-icmp6".getBytes(StandardCharsets.US_ASCII);
            byte[] req = echoRequest(128, id, 9, data);
            req[2] = 0; // the kernel computes ICMPv6 checksums (they cover a pseudo-header)
            req[3] = 0;
            try {
                s.sendTo(req, SockAddr.inet6("::1", 0));
            } catch (IOException e) {
                Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            }
            for (;;) {
                Socket.Received r = s.recvFrom(2048);
                byte[] d = r.data(); // IPv6 raw sockets get no IP header
                if ((d[0] & 0xff) == 129 && ByteBuffer.wrap(d).getShort(4) == (short) id && ByteBuffer.wrap(d).getShort(6) == 9) {
                    assertEquals("::1", ((SockAddr.Inet6) r.address()).host(), "from ::1: " + r.address());
                    assertArrayEquals(data, Arrays.copyOfRange(d, 8, d.length), "the echo carries our data");
                    return;
                }
            }
        }
    }

    @Test
    void aRawUdpSocketSeesADatagramWithItsHeaders() throws IOException {
        try (Socket raw = Socket.open(Family.INET, SocketType.RAW, UDP);
                Socket rx = Socket.open(Family.INET, SocketType.DGRAM);
                Socket tx = Socket.open(Family.INET, SocketType.DGRAM)) {
            raw.setTimeout(Duration.ofSeconds(10));
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            int port = ((SockAddr.Inet4) rx.getSockName()).port();
            byte[] data = ("weft-raw-udp-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
            tx.sendTo(data, rx.getSockName());
            for (;;) {
                byte[] d = raw.recvFrom(65536).data();
                int ihl = (d[0] & 0xf) * 4;
                if ((ByteBuffer.wrap(d).getShort(ihl + 2) & 0xffff) == port && d.length - ihl - 8 == data.length
                        && Arrays.equals(data, Arrays.copyOfRange(d, ihl + 8, d.length))) {
                    assertEquals(UDP, d[9] & 0xff, "the IP header's protocol");
                    assertEquals(8 + data.length, ByteBuffer.wrap(d).getShort(ihl + 4), "the UDP header's length");
                    break;
                }
            }
            assertArrayEquals(data, rx.recv(65536), "the UDP socket got it too");
        }
    }

    /** IPv4 header (20 bytes, total length and checksum left to the kernel) + UDP header (checksum 0: none) + data. */
    private static byte[] ipUdp(int srcPort, int dstPort, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(28 + data.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 0).putInt(0).put((byte) 64).put((byte) UDP).putShort((short) 0)
                .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + data.length)).putShort((short) 0).put(data);
        return b.array();
    }

    @Test
    void aPacketWrittenWithIpHdrinclIsDeliveredAsWritten() throws IOException {
        try (Socket hand = Socket.open(Family.INET, SocketType.RAW, RAW);
                Socket icmp = Socket.open(Family.INET, SocketType.RAW, ICMP);
                Socket rx = Socket.open(Family.INET, SocketType.DGRAM)) {
            assertEquals(true, hand.getOption(SockOpt.IP_HDRINCL), "IPPROTO_RAW implies IP_HDRINCL");
            assertEquals(false, icmp.getOption(SockOpt.IP_HDRINCL), "an ICMP raw socket starts without it");
            icmp.setOption(SockOpt.IP_HDRINCL, true);
            assertEquals(true, icmp.getOption(SockOpt.IP_HDRINCL), "set on the ICMP raw socket");
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            rx.setTimeout(Duration.ofSeconds(10));
            int port = ((SockAddr.Inet4) rx.getSockName()).port();
            hand.sendTo(ipUdp(4242, port, "by-ipproto-raw".getBytes(StandardCharsets.US_ASCII)), SockAddr.inet("127.0.0.1", 0));
            Socket.Received r = rx.recvFrom(256);
            assertEquals("by-ipproto-raw", new String(r.data(), StandardCharsets.US_ASCII));
            assertEquals(SockAddr.inet("127.0.0.1", 4242), r.address(), "the source port we wrote");
            icmp.sendTo(ipUdp(4343, port, "by-hdrincl".getBytes(StandardCharsets.US_ASCII)), SockAddr.inet("127.0.0.1", 0));
            r = rx.recvFrom(256);
            assertEquals("by-hdrincl", new String(r.data(), StandardCharsets.US_ASCII), "a UDP datagram from an ICMP socket's own header");
            assertEquals(SockAddr.inet("127.0.0.1", 4343), r.address());
        }
    }

    /** A protocol nobody else sends keeps the queue ours: the three modes, and a reader parked in the poller. */
    @Test
    void theModesHoldOnARawSocket() throws Exception {
        try (Socket rx = Socket.open(Family.INET, SocketType.RAW, EXPERIMENTAL);
                Socket tx = Socket.open(Family.INET, SocketType.RAW, EXPERIMENTAL)) {
            rx.bind(SockAddr.inet("127.0.0.1", 0));
            rx.setBlocking(false);
            assertThrows(WouldBlockException.class, () -> rx.recvFrom(256), "non-blocking: BlockingIOError");
            rx.setTimeout(Duration.ofMillis(100));
            assertThrows(WeftTimeoutException.class, () -> rx.recvFrom(256), "timeout: socket.timeout");
            rx.setBlocking(true);
            CompletableFuture<Socket.Received> got = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    got.complete(rx.recvFrom(256));
                } catch (Throwable t) {
                    got.completeExceptionally(t);
                }
            });
            Thread.sleep(50);
            tx.sendTo("proto-253".getBytes(StandardCharsets.US_ASCII), SockAddr.inet("127.0.0.1", 0));
            Socket.Received r = got.get(20, TimeUnit.SECONDS);
            reader.join();
            byte[] d = r.data();
            int ihl = (d[0] & 0xf) * 4;
            assertEquals(EXPERIMENTAL, d[9] & 0xff, "the protocol number");
            assertEquals("proto-253", new String(d, ihl, d.length - ihl, StandardCharsets.US_ASCII));
            assertTrue(r.address() instanceof SockAddr.Inet4, "an IPv4 address: " + r.address());
        }
    }
}
