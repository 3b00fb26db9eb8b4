package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kit.Chunkings;
import dev.weft.tests.ContractKinds.Datagram;
import dev.weft.tests.ContractKinds.Dgram;
import dev.weft.tests.ContractKinds.DgramImpl;
import dev.weft.tests.ContractKinds.DgramKind;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Datagram contracts, written once and run for UDP over IPv4 and IPv6 and for Unix
 * datagrams, against weft and (for UDP) the JDK's {@code DatagramSocket} as the oracle.
 */
class DatagramContractTest {
    static List<Object[]> cases() {
        return ContractKinds.dgramCases();
    }

    private static DgramImpl impl(String name, DgramKind k) {
        Assumptions.assumeTrue(ContractKinds.available(k.needs), k + " needs " + k.needs + ", which this system lacks");
        return ContractKinds.dgramImpl(name);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void echoedDatagramsKeepTheirBoundariesAndOrder(String name, DgramKind k) throws Exception {
        DgramImpl impl = impl(name, k);
        int[] sizes = Chunkings.messageSizes(new SplittableRandom(k.ordinal()), 40, 8192);
        try (Dgram server = impl.open(k); Dgram client = impl.open(k)) {
            server.setReadTimeout(Duration.ofSeconds(10));
            client.setReadTimeout(Duration.ofSeconds(10));
            for (int i = 0; i < sizes.length; i++) { // one at a time: a datagram may be dropped, never merged
                byte[] m = Chunkings.message(i, sizes[i]);
                client.sendTo(m, server.localAddress());
                Datagram d = server.receive(16384);
                assertArrayEquals(m, d.data(), "message " + i + " at the server");
                server.sendTo(d.data(), d.source());
                assertArrayEquals(m, client.receive(16384).data(), "message " + i + " echoed");
            }
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void aReceiveTimesOutAndTheSocketStillWorks(String name, DgramKind k) throws Exception {
        DgramImpl impl = impl(name, k);
        try (Dgram a = impl.open(k); Dgram b = impl.open(k)) {
            a.setReadTimeout(Duration.ofMillis(100));
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> a.receive(16));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 99 && ms < 100 + TimeoutPropertyTest.LATE.toMillis(), "timed out after " + ms + " ms");
            b.sendTo(new byte[] {5}, a.localAddress());
            a.setReadTimeout(Duration.ofSeconds(10));
            assertArrayEquals(new byte[] {5}, a.receive(16).data());
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void theSourceIsTheSendersAddressAndConnectSetsThePeer(String name, DgramKind k) throws Exception {
        DgramImpl impl = impl(name, k);
        try (Dgram a = impl.open(k); Dgram b = impl.open(k)) {
            a.setReadTimeout(Duration.ofSeconds(10));
            b.sendTo(new byte[] {1}, a.localAddress());
            assertEquals(b.localAddress(), a.receive(16).source(), "the source of a datagram is its sender's address");
            b.connect(a.localAddress());
            assertEquals(a.localAddress(), b.remoteAddress(), "a connected datagram socket's peer");
            b.sendTo(new byte[] {2}, a.localAddress());
            assertEquals(b.localAddress(), a.receive(16).source());
        }
    }
}
