package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.SockOpt;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interrupt contract: {@code Thread.interrupt()} ends a blocked call with
 * {@link InterruptedIOException} (not a timeout), the interrupt status stays set, the socket
 * stays open and loses nothing, and an interrupted {@code sendAll} reports in
 * {@code bytesTransferred} exactly the prefix the peer receives.
 */
class InterruptTest {

    /** What the blocked thread saw. */
    record Outcome(Throwable error, boolean interruptedAfter, boolean openAfter, byte[] laterData) {}

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void interruptEndsABlockedRecvAndLosesNothing(boolean virtual) throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Socket a = p.first();
            Socket b = p.second();
            CountDownLatch sawInterrupt = new CountDownLatch(1);
            CountDownLatch dataSent = new CountDownLatch(1);
            TestKit.Started<Outcome> t = TestKit.start(virtual, "recv", () -> {
                Throwable error = null;
                try {
                    byte[] early = a.recv(100);
                    return fail("recv returned " + early.length + " bytes with nothing sent");
                } catch (InterruptedIOException e) {
                    error = e;
                }
                boolean interrupted = Thread.interrupted(); // read and clear, so the next recv can wait
                boolean open = a.isOpen();
                sawInterrupt.countDown();
                assertTrue(dataSent.await(TestKit.BOUND.toSeconds(), TimeUnit.SECONDS));
                byte[] later = TestKit.recvExactly(a, 11);
                return new Outcome(error, interrupted, open, later);
            });
            TestKit.awaitParkedInWeft(t.thread());
            t.thread().interrupt();
            assertTrue(sawInterrupt.await(TestKit.BOUND.toSeconds(), TimeUnit.SECONDS), "the interrupt did not end the recv");
            b.sendAll("after:hello".getBytes(StandardCharsets.US_ASCII));
            dataSent.countDown();
            Outcome o = t.get();
            assertInstanceOf(InterruptedIOException.class, o.error());
            assertFalse(o.error() instanceof SocketTimeoutException, "an interrupt is not a timeout: " + o.error());
            assertTrue(o.interruptedAfter(), "the interrupt status must stay set");
            assertTrue(o.openAfter(), "the socket must stay open");
            assertArrayEquals("after:hello".getBytes(StandardCharsets.US_ASCII), o.laterData());
        }
    }

    /** A datagram arriving after the interrupt is received whole: the interrupted recv consumed nothing. */
    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void interruptEndsABlockedRecvFromWithoutConsumingADatagram(boolean virtual) throws Exception {
        try (Socket r = Socket.open(Family.INET, SocketType.DGRAM);
             Socket w = Socket.open(Family.INET, SocketType.DGRAM)) {
            r.bind(SockAddr.inet("127.0.0.1", 0));
            TestKit.Started<Throwable> t = TestKit.start(virtual, "recvfrom", () -> {
                try {
                    r.recvFrom(100);
                    return null;
                } catch (InterruptedIOException e) {
                    assertTrue(Thread.currentThread().isInterrupted());
                    return e;
                }
            });
            TestKit.awaitParkedInWeft(t.thread());
            t.thread().interrupt();
            assertInstanceOf(InterruptedIOException.class, t.get());
            w.sendTo("one".getBytes(StandardCharsets.US_ASCII), r.getSockName());
            w.sendTo("two".getBytes(StandardCharsets.US_ASCII), r.getSockName());
            assertEquals("one", new String(TestKit.inVirtualThread(() -> r.recvFrom(100).data()), StandardCharsets.US_ASCII));
            assertEquals("two", new String(TestKit.inVirtualThread(() -> r.recvFrom(100).data()), StandardCharsets.US_ASCII));
        }
    }

    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void interruptEndsABlockedAcceptAndTheListenerStillWorks(boolean virtual) throws Exception {
        try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            TestKit.Started<Throwable> t = TestKit.start(virtual, "accept", () -> {
                try {
                    server.accept().close();
                    return null;
                } catch (InterruptedIOException e) {
                    return e;
                }
            });
            TestKit.awaitParkedInWeft(t.thread());
            t.thread().interrupt();
            assertInstanceOf(InterruptedIOException.class, t.get());
            try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                c.connect(server.getSockName());
                try (Socket.Accepted a = TestKit.inVirtualThread(server::accept)) {
                    assertEquals(c.getSockName(), a.address());
                }
            }
        }
    }

    /** A thread interrupted before it calls does not wait (nor spin): the call ends at once. */
    @ParameterizedTest(name = "virtual={0}")
    @ValueSource(booleans = {true, false})
    void alreadyInterruptedThreadDoesNotWait(boolean virtual) throws Exception {
        try (Sockets.SocketPair p = Sockets.socketPair()) {
            Throwable e = TestKit.start(virtual, "pre-interrupted", () -> {
                Thread.currentThread().interrupt();
                try {
                    p.first().recv(10);
                    return null;
                } catch (InterruptedIOException x) {
                    assertTrue(Thread.currentThread().isInterrupted());
                    return x;
                }
            }).get();
            assertInstanceOf(InterruptedIOException.class, e);
            assertTrue(p.first().isOpen());
        }
    }

    @ParameterizedTest(name = "virtual={0} tcp={1}")
    @org.junit.jupiter.params.provider.CsvSource({"true,false", "false,false", "true,true", "false,true"})
    void interruptedSendAllReportsExactlyThePrefixThePeerReceives(boolean virtual, boolean tcp) throws Exception {
        Socket server = null;
        Socket sender;
        Socket receiver;
        if (tcp) {
            server = Socket.open(Family.INET, SocketType.STREAM);
            server.setOption(SockOpt.SO_RCVBUF, 32 * 1024);
            server.bind(SockAddr.inet("127.0.0.1", 0));
            server.listen();
            sender = Socket.open(Family.INET, SocketType.STREAM);
            sender.setOption(SockOpt.SO_SNDBUF, 32 * 1024);
            sender.connect(server.getSockName());
            receiver = server.accept().socket();
        } else {
            Sockets.SocketPair p = Sockets.socketPair();
            sender = p.first();
            receiver = p.second();
        }
        try {
            byte[] data = TestKit.randomBytes(8 << 20, 11);
            TestKit.Started<InterruptedIOException> t = TestKit.start(virtual, "sendAll", () -> {
                try {
                    sender.sendAll(data);
                    return fail("sendAll of " + data.length + " bytes finished with a non-reading peer");
                } catch (InterruptedIOException e) {
                    assertTrue(Thread.currentThread().isInterrupted(), "interrupt status must stay set");
                    return e;
                }
            });
            TestKit.awaitParkedInWeft(t.thread());
            t.thread().interrupt();
            InterruptedIOException e = t.get();
            assertFalse(e instanceof SocketTimeoutException, "an interrupt is not a timeout: " + e);
            int sent = e.bytesTransferred;
            assertTrue(sent > 0 && sent < data.length, "bytesTransferred " + sent);
            assertTrue(sender.isOpen(), "the socket must stay open");
            sender.shutdown(Socket.SHUT_WR);
            byte[] got = TestKit.inVirtualThread(() -> TestKit.readToEof(receiver));
            assertEquals(sent, got.length, "the peer must receive exactly bytesTransferred bytes");
            assertArrayEquals(Arrays.copyOf(data, sent), got);
        } finally {
            sender.close();
            receiver.close();
            if (server != null) {
                server.close();
            }
        }
    }
}
