package dev.weft.tests;

import static dev.weft.SocketConstants.MSG_DONTWAIT;
import static dev.weft.SocketConstants.MSG_OOB;
import static dev.weft.SocketConstants.MSG_PEEK;
import static dev.weft.SocketConstants.MSG_TRUNC;
import static dev.weft.SocketConstants.MSG_WAITALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** recv flags behave as on a blocking socket in C, although the descriptor never blocks. */
class RecvFlagsTest {
    @Test
    void dontWaitFailsAtOnceOnABlockingSocket() throws Exception {
        try (var pair = Sockets.socketPair()) {
            assertThrows(WouldBlockException.class, () -> pair.second().recv(4, MSG_DONTWAIT));
            pair.first().send(new byte[] {9});
            assertArrayEquals(new byte[] {9}, pair.second().recv(4, MSG_DONTWAIT));
        }
    }

    @Test
    void waitAllWaitsForTheWholeBufferAcrossSeveralSends() throws Exception {
        try (var pair = Sockets.socketPair()) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        pair.first().send(new byte[] {(byte) i, (byte) i});
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertArrayEquals(new byte[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, pair.second().recv(10, MSG_WAITALL));
            writer.join();
            // With a timeout, what had arrived is reported when time runs out.
            pair.first().send(new byte[] {1, 2, 3});
            pair.second().setTimeout(Duration.ofMillis(200));
            WeftTimeoutException e = assertThrows(WeftTimeoutException.class, () -> pair.second().recvInto(ByteBuffer.allocate(10), MSG_WAITALL));
            assertEquals(3, e.bytesTransferred);
        }
    }

    @Test
    void peekLeavesDataAndTruncReportsTheDatagramsLength() throws Exception {
        try (var pair = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
            pair.first().send(new byte[] {1, 2, 3, 4, 5, 6});
            assertArrayEquals(new byte[] {1, 2}, pair.second().recv(2, MSG_PEEK));
            ByteBuffer small = ByteBuffer.allocate(2);
            // MSG_TRUNC as a recv flag (the datagram's real length) is Linux's, recv(2); the BSDs
            // ignore it there and return what fitted, and CPython's recv_into returns the same.
            int expected = Sockets.provider().name().equals("linux") ? 6 : 2;
            assertEquals(expected, pair.second().recvInto(small, MSG_TRUNC), "the length recv(2) gives, as CPython's recv_into");
            assertEquals(2, small.position());
        }
    }

    @Test
    void outOfBandByteArrivesApart() throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0));
             Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
            c.connect(server.getSockName());
            try (var conn = server.accept()) {
                c.send("ab".getBytes());
                c.send("!".getBytes(), MSG_OOB);
                conn.socket().setTimeout(Duration.ofSeconds(5));
                assertArrayEquals("ab".getBytes(), conn.socket().recv(2, MSG_WAITALL));
                assertArrayEquals("!".getBytes(), conn.socket().recv(1, MSG_OOB));
            }
        }
    }
}
