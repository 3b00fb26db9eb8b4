package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.WouldBlockException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** recvmmsg/sendmmsg move 64 datagrams per call with their boundaries and senders intact. */
class BatchDatagramsTest {
    private static byte[] datagram(int i) {
        byte[] b = new byte[1 + (i * 37) % 1200]; // sizes differ, so a lost boundary shows
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (i + k);
        }
        return b;
    }

    private static int port(SockAddr a) {
        return a instanceof SockAddr.Inet4 i4 ? i4.port() : ((SockAddr.Inet6) a).port();
    }

    @Test
    void sixtyFourDatagramsPerCallKeepTheirBoundaries() throws Exception {
        for (Family f : new Family[] {Family.INET, Family.INET6}) {
            try (Socket rx = Socket.open(f, SocketType.DGRAM); Socket tx = Socket.open(f, SocketType.DGRAM)) {
                rx.bind(f == Family.INET ? SockAddr.inet("127.0.0.1", 0) : SockAddr.inet6("::1", 0));
                rx.setOption(dev.weft.SockOpt.SO_RCVBUF, 4 << 20);
                SockAddr dst = rx.getSockName();
                ByteBuffer[] out = new ByteBuffer[64];
                SockAddr[] to = new SockAddr[64];
                for (int i = 0; i < 64; i++) {
                    // Mix heap and direct buffers: both paths must keep order.
                    byte[] d = datagram(i);
                    out[i] = i % 2 == 0 ? ByteBuffer.wrap(d) : ByteBuffer.allocateDirect(d.length).put(d).flip();
                    to[i] = dst;
                }
                assertEquals(64, tx.sendMmsg(out, to, 0), "one call sent all 64");
                rx.setTimeout(Duration.ofSeconds(5));
                List<Socket.Received> got = rx.recvMmsg(64, 2048, 0);
                assertEquals(64, got.size(), "one call received all 64");
                for (int i = 0; i < 64; i++) {
                    assertArrayEquals(datagram(i), got.get(i).data(), "datagram " + i);
                    assertEquals(port(tx.getSockName()), port(got.get(i).address()), "sender of " + i);
                }
            }
        }
    }

    @Test
    void directBuffersAreFilledInPlaceAndNonBlockingModeSaysWouldBlock() throws Exception {
        try (var pair = dev.weft.Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
            ByteBuffer[] out = {ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4})};
            assertEquals(2, pair.first().sendMmsg(out, null, 0));
            ByteBuffer[] in = {ByteBuffer.allocateDirect(16), ByteBuffer.allocateDirect(16), ByteBuffer.allocateDirect(16)};
            pair.second().setBlocking(false);
            assertEquals(2, pair.second().recvMmsgInto(in, null, 0));
            assertEquals(3, in[0].position());
            assertEquals(1, in[1].position());
            assertEquals(4, in[1].get(0));
            assertThrows(WouldBlockException.class, () -> pair.second().recvMmsgInto(in, null, 0));
            assertThrows(IllegalArgumentException.class, () -> pair.second().recvMmsg(0, 10, 0));
        }
    }
}
