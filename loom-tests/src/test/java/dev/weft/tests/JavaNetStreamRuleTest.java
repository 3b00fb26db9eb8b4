package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Socket;
import dev.weft.SocketByteChannel;
import dev.weft.SocketClosedException;
import dev.weft.Sockets;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code inputStream()}, {@code outputStream()} and {@code channel()} follow java.net's rule
 * (one view per direction, closing a view closes the socket, closing the socket ends the
 * views and wakes their threads), while {@code makeFile} keeps CPython's reference rule
 * ({@link FilesAndDescriptorsTest}).
 */
class JavaNetStreamRuleTest {

    @Test
    void socketsClosedWithTheirViewsTakenLeaveNoDescriptorWithoutAGc() throws Exception {
        Assumptions.assumeTrue(TestKit.canCountFds(), "counts descriptors in /proc/self/fd or /dev/fd");
        // Warm up (poller, provider) so that the baseline holds their descriptors already.
        Sockets.socketPair().close();
        int before = TestKit.openFds();
        List<Sockets.SocketPair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                Sockets.SocketPair p = Sockets.socketPair();
                pairs.add(p);
                p.first().inputStream();
                p.first().outputStream();
                p.second().inputStream();
                p.second().channel();
            }
            assertTrue(TestKit.openFds() >= before + 2000, "2,000 sockets open");
        } finally {
            for (Sockets.SocketPair p : pairs) {
                p.first().close();
                p.second().close();
            }
        }
        // No System.gc(): the views hold no reference that could keep a descriptor open.
        assertEquals(before, TestKit.openFds(), "descriptors back to the baseline");
    }

    @Test
    void closingOnlyTheSocketGivesThePeerEndOfStream() throws Exception {
        try (var pair = Sockets.socketPair()) {
            InputStream in = pair.first().inputStream();
            pair.first().close();
            assertEquals(0, pair.second().recv(8).length, "peer sees end of stream at once");
            assertThrows(SocketClosedException.class, in::read, "the stream closed with its socket");
        }
    }

    @Test
    void eachDirectionHasOneViewAndClosingItClosesTheSocket() throws Exception {
        try (var pair = Sockets.socketPair()) {
            Socket a = pair.first();
            assertSame(a.inputStream(), a.inputStream());
            assertSame(a.outputStream(), a.outputStream());
            assertSame(a.channel(), a.channel());
            assertSame(a, a.channel().socket());
            a.outputStream().write(7);
            assertEquals(7, pair.second().recv(1)[0]);
            a.inputStream().close();
            assertFalse(a.isOpen(), "closing the input stream closed the socket");
            assertFalse(a.channel().isOpen());
            assertThrows(SocketClosedException.class, () -> a.outputStream().write(1));
            assertThrows(ClosedChannelException.class, () -> a.channel().read(ByteBuffer.allocate(1)));
            assertEquals(0, pair.second().recv(8).length);
        }
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void closeWakesAThreadBlockedInInputStreamRead(boolean virtual) throws Exception {
        try (var pair = Sockets.socketPair()) {
            Socket a = pair.first();
            InputStream in = a.inputStream();
            TestKit.Started<Integer> r = TestKit.start(virtual, "read", in::read);
            TestKit.awaitParkedInWeft(r.thread());
            a.close();
            assertInstanceOf(SocketClosedException.class, r.failure());
            assertEquals(-1, a.fileno());
        }
    }

    @Test
    void closeEndsABlockedChannelReadWithAsynchronousClose() throws Exception {
        try (var pair = Sockets.socketPair()) {
            SocketByteChannel ch = pair.first().channel();
            TestKit.Started<Integer> r = TestKit.start(true, "channel-read", () -> ch.read(ByteBuffer.allocate(8)));
            TestKit.awaitParkedInWeft(r.thread());
            pair.first().close();
            assertInstanceOf(AsynchronousCloseException.class, r.failure());
            assertFalse(ch.isOpen());
        }
    }

    @Test
    void interruptEndsOnlyTheCallNotTheChannel() throws Exception {
        try (var pair = Sockets.socketPair()) {
            SocketByteChannel ch = pair.first().channel();
            TestKit.Started<Integer> r = TestKit.start(true, "channel-read", () -> ch.read(ByteBuffer.allocate(8)));
            TestKit.awaitParkedInWeft(r.thread());
            r.thread().interrupt();
            assertInstanceOf(InterruptedIOException.class, r.failure());
            assertTrue(ch.isOpen(), "not an InterruptibleChannel: the socket stays open");
            pair.second().sendAll(new byte[] {5});
            ByteBuffer b = ByteBuffer.allocate(8);
            assertEquals(1, ch.read(b));
        }
    }
}
