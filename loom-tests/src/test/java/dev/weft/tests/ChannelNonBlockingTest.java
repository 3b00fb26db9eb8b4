package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Socket;
import dev.weft.SocketByteChannel;
import dev.weft.WouldBlockException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The channel view keeps {@code java.nio}'s non-blocking contract: a read that finds nothing
 * and a write that finds the send buffer full return 0, where the socket's own calls throw
 * {@link WouldBlockException} as Python's {@code BlockingIOError}. Code written against
 * channels (an {@code SSLEngine} loop, a selector-style state machine) counts on the 0.
 */
class ChannelNonBlockingTest {

    @Test
    void anEmptyNonBlockingReadReturnsZeroWhereTheSocketThrows() throws Exception {
        var p = TestKit.tcpPair();
        try (Socket a = p.first(); Socket b = p.second()) {
            b.setTimeout(Duration.ZERO);
            SocketByteChannel ch = b.channel();
            ByteBuffer buf = ByteBuffer.allocate(16);
            assertThrows(WouldBlockException.class, () -> b.recvInto(ByteBuffer.allocate(16)));
            assertEquals(0, ch.read(buf));
            assertEquals(0, ch.read(new ByteBuffer[] {buf}));
            assertEquals(0, ch.read(ByteBuffer.allocateDirect(16)));

            a.sendAll("hello".getBytes());
            int n = 0;
            for (long end = System.nanoTime() + TestKit.BOUND.toNanos(); n == 0 && System.nanoTime() < end; ) {
                n = ch.read(buf);
                Thread.onSpinWait();
            }
            assertEquals(5, n, "the data, once it has arrived");
            assertEquals("hello", new String(buf.array(), 0, 5));
            assertEquals(0, ch.read(buf.clear()), "drained again");

            a.close();
            int r = 0;
            for (long end = System.nanoTime() + TestKit.BOUND.toNanos(); r == 0 && System.nanoTime() < end; ) {
                r = ch.read(buf.clear());
                Thread.onSpinWait();
            }
            assertEquals(-1, r, "end of stream is -1, never confused with nothing there");
        }
    }

    @Test
    void aFullNonBlockingWriteReturnsZeroWhereTheSocketThrows() throws Exception {
        var p = TestKit.tcpPair();
        try (Socket a = p.first(); Socket b = p.second()) {
            a.setTimeout(Duration.ZERO);
            SocketByteChannel ch = a.channel();
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            long written = 0;
            int w;
            while ((w = ch.write(chunk.clear())) > 0) {
                written += w;
            }
            assertEquals(0, w);
            assertTrue(written > 0, "something went out before the buffers filled");
            assertEquals(0, ch.write(new ByteBuffer[] {chunk.clear()}));
            assertThrows(WouldBlockException.class, () -> a.send(ByteBuffer.allocate(1024)));
        }
    }
}
