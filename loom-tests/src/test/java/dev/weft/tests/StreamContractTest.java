package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kit.Chunkings;
import dev.weft.tests.ContractKinds.Accepted;
import dev.weft.tests.ContractKinds.Conn;
import dev.weft.tests.ContractKinds.Listener;
import dev.weft.tests.ContractKinds.StreamImpl;
import dev.weft.tests.ContractKinds.StreamKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connection contracts, written once and run for every kind (TCP over IPv4 and IPv6, Unix
 * stream over a path and an abstract name, SEQPACKET) against weft and, where the JDK has
 * the same feature, against the JDK: the JDK passing a contract shows the contract is
 * right, so a weft failure is a weft bug.
 */
class StreamContractTest {
    static List<Object[]> cases() {
        return ContractKinds.streamCases();
    }

    private static StreamImpl impl(String name, StreamKind k) {
        Assumptions.assumeTrue(ContractKinds.available(k.needs), k + " needs " + k.needs + ", which this system lacks");
        return ContractKinds.streamImpl(name);
    }

    /** A listener, a connection to it and the accepted end, closed together. */
    record Link(Listener listener, Conn client, Accepted accepted) implements AutoCloseable {
        static Link open(StreamImpl impl, StreamKind k) throws IOException {
            Listener l = impl.listen(k);
            try {
                Conn c = impl.connect(k, l.address());
                return new Link(l, c, l.accept());
            } catch (IOException | RuntimeException e) {
                l.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                accepted.conn().close();
            } finally {
                try {
                    client.close();
                } finally {
                    listener.close();
                }
            }
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void echoReturnsEveryByteInOrder(String name, StreamKind k) throws Exception {
        StreamImpl impl = impl(name, k);
        SplittableRandom r = new SplittableRandom(k.ordinal() * 31L + name.length());
        byte[] data = Chunkings.data(r, 1 << 20);
        int max = 64 << 10; // one message at most, for the kinds that keep boundaries
        try (Link link = Link.open(impl, k); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Conn server = link.accepted().conn();
            Future<?> echo = vt.submit(() -> {
                byte[] b = new byte[max];
                for (int n; (n = server.read(b, 0, b.length)) > 0; ) {
                    server.sendAll(b, 0, n);
                }
                server.shutdownOutput();
                return null;
            });
            Future<?> writer = vt.submit(() -> {
                int at = 0;
                for (int size : Chunkings.split(r, data.length, max)) {
                    link.client().sendAll(data, at, size);
                    at += size;
                }
                if (!k.messages) {
                    link.client().shutdownOutput();
                }
                return null;
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] b = new byte[max];
            while (got.size() < data.length) {
                int n = link.client().read(b, 0, b.length);
                if (n < 0) {
                    break;
                }
                got.write(b, 0, n);
            }
            writer.get(30, TimeUnit.SECONDS);
            if (k.messages) {
                link.client().shutdownOutput();
            }
            echo.get(30, TimeUnit.SECONDS);
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void endOfStreamAfterPeerShutdownAndAfterPeerClose(String name, StreamKind k) throws Exception {
        StreamImpl impl = impl(name, k);
        try (Link link = Link.open(impl, k)) {
            Conn client = link.client();
            Conn server = link.accepted().conn();
            client.sendAll("abc".getBytes(), 0, 3);
            client.shutdownOutput();
            byte[] b = new byte[16];
            assertEquals("abc", new String(b, 0, readFully(server, b, 3)));
            assertEquals(-1, server.read(b, 0, b.length), "end of stream after the peer's shutdown");
            assertEquals(-1, server.read(b, 0, b.length), "and again");
            server.sendAll("xyz".getBytes(), 0, 3); // the other direction still works
            server.close();
            assertEquals("xyz", new String(b, 0, readFully(client, b, 3)));
            assertEquals(-1, client.read(b, 0, b.length), "end of stream after the peer's close");
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void aReadTimesOutAndTheConnectionStillWorks(String name, StreamKind k) throws Exception {
        StreamImpl impl = impl(name, k);
        try (Link link = Link.open(impl, k)) {
            Conn client = link.client();
            client.setReadTimeout(Duration.ofMillis(100));
            byte[] b = new byte[16];
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> client.read(b, 0, b.length));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 99 && ms < 100 + TimeoutPropertyTest.LATE.toMillis(), "timed out after " + ms + " ms");
            link.accepted().conn().sendAll(new byte[] {42}, 0, 1);
            client.setReadTimeout(Duration.ofSeconds(10));
            assertEquals(1, client.read(b, 0, b.length));
            assertEquals(42, b[0]);
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void addressesAgreeOnBothEnds(String name, StreamKind k) throws Exception {
        StreamImpl impl = impl(name, k);
        try (Link link = Link.open(impl, k)) {
            assertEquals(link.client().localAddress(), link.accepted().peer(), "accept reports the connector's own address");
            assertEquals(link.accepted().peer(), link.accepted().conn().remoteAddress(), "and so does the accepted end's getpeername");
            assertEquals(link.listener().address(), link.client().remoteAddress(), "the connector's peer is the listener's address");
            assertEquals(link.listener().address(), link.accepted().conn().localAddress(), "the accepted end's own address is the listener's");
        }
    }

    private static int readFully(Conn c, byte[] b, int n) throws IOException {
        int at = 0;
        while (at < n) {
            int k = c.read(b, at, n - at);
            if (k < 0) {
                break;
            }
            at += k;
        }
        return at;
    }
}
