package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatagramServerTest {
    private static void upper(byte[] data, SockAddr from, Socket socket) throws Exception {
        String s = new String(data);
        if (s.equals("boom")) {
            throw new IllegalArgumentException("bad datagram");
        }
        socket.sendTo(s.toUpperCase(Locale.ROOT).getBytes(), from);
    }

    @Test
    void udpServerAnswersEveryDatagramAndSurvivesAHandlerThatThrows() throws Exception {
        StreamServerTest.Reports r = new StreamServerTest.Reports();
        try (var server = DatagramServer.udp("127.0.0.1", 0).errorHandler(r).build(DatagramServerTest::upper);
             Socket c = Socket.open(Family.INET, SocketType.DGRAM)) {
            server.start();
            c.setTimeout(Duration.ofSeconds(20));
            c.sendTo("boom".getBytes(), server.address());
            Set<String> got = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                c.sendTo(("d" + i).getBytes(), server.address());
                got.add(new String(c.recv(100)));
            }
            assertEquals(20, got.size());
            assertTrue(got.contains("D7"));
            while (r.handlerErrors.isEmpty()) {
                Thread.sleep(5);
            }
            assertEquals("bad datagram", r.handlerErrors.get(0).getMessage());
        }
    }

    @Test
    void unixDatagramServerDrainsAtShutdownAndRemovesItsPath(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("dgram.sock");
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var server = DatagramServer.unix(p).maxConcurrent(4).build((data, from, socket) -> {
            inHandler.countDown();
            release.await();
            socket.sendTo(data, from);
        });
        server.start();
        try (Socket c = Socket.open(Family.UNIX, SocketType.DGRAM)) {
            c.bind(SockAddr.unix(dir.resolve("client.sock"))); // an unnamed sender could not be answered
            c.setTimeout(Duration.ofSeconds(20));
            c.sendTo("late reply".getBytes(), SockAddr.unix(p));
            assertTrue(inHandler.await(20, TimeUnit.SECONDS));
            Thread.ofVirtual().start(() -> {
                try { Thread.sleep(100); } catch (InterruptedException e) { }
                release.countDown();
            });
            assertTrue(server.shutdown(Duration.ofSeconds(30)));
            assertEquals("late reply", new String(c.recv(100)), "the handler could still reply through the socket");
        }
        assertFalse(Files.exists(p));
        assertFalse(server.socket().isOpen());
    }

    @Test
    void theCapHoldsBackDatagramsUntilAHandlerReturns() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        try (var server = DatagramServer.udp("127.0.0.1", 0).maxConcurrent(1).build((data, from, socket) -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    gate.await();
                    socket.sendTo(data, from);
                } finally {
                    running.decrementAndGet();
                }
            });
             Socket c = Socket.open(Family.INET, SocketType.DGRAM)) {
            server.start();
            c.setTimeout(Duration.ofSeconds(20));
            for (int i = 0; i < 3; i++) {
                c.sendTo(("q" + i).getBytes(), server.address());
            }
            while (server.activeCount() < 1) {
                Thread.sleep(5);
            }
            Thread.sleep(200); // room for a wrong second handler to start
            assertEquals(1, server.activeCount());
            gate.countDown();
            Set<String> got = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                got.add(new String(c.recv(100)));
            }
            assertEquals(Set.of("q0", "q1", "q2"), got, "held-back datagrams wait in the socket's buffer");
            assertEquals(1, most.get());
        }
    }
}
