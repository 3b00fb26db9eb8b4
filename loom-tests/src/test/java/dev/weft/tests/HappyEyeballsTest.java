package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Happy Eyeballs: a stalled first address costs one attempt delay, not the timeout. */
class HappyEyeballsTest {
    /** A listener whose accept queue is full: further SYNs are dropped, so connects stall. */
    private static List<Socket> stalledListener(SockAddr at) throws IOException {
        List<Socket> keep = new ArrayList<>();
        Socket l = Socket.open(at.family(), SocketType.STREAM);
        l.bind(at);
        l.listen(0);
        keep.add(l);
        for (int i = 0; i < 3; i++) { // fill the queue (backlog 0 still takes one or two)
            Socket c = Socket.open(at.family(), SocketType.STREAM);
            c.setBlocking(false);
            c.connectEx(l.getSockName());
            keep.add(c);
        }
        return keep;
    }

    @Test
    void aStalledIpv6PathLosesToIpv4AfterOneDelay() throws Exception {
        List<Socket> stalled = stalledListener(SockAddr.inet6("::1", 0));
        try (Socket good = Sockets.createServer(SockAddr.inet("127.0.0.1", 0))) {
            SockAddr v6 = stalled.get(0).getSockName();
            long t0 = System.nanoTime();
            try (Socket s = Sockets.createConnection(List.of(v6, good.getSockName()), Duration.ofSeconds(20), null,
                    Duration.ofMillis(100))) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(Family.INET, s.getPeerName().family(), "the IPv4 attempt won");
                assertTrue(ms >= 100, "the second attempt waited for the delay: " + ms + " ms");
                assertTrue(ms < 15_000, "did not wait for the stalled attempt's timeout: " + ms + " ms");
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void familiesAreInterleavedAndAllFailuresAreKept() throws Exception {
        List<SockAddr> refused = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (Family f : new Family[] {Family.INET6, Family.INET}) {
                try (Socket probe = Socket.open(f, SocketType.STREAM)) {
                    probe.bind(f == Family.INET ? SockAddr.inet("127.0.0.1", 0) : SockAddr.inet6("::1", 0));
                    refused.add(probe.getSockName()); // closed: nobody listens there
                }
            }
        }
        ConnectException e = assertThrows(ConnectException.class,
                () -> Sockets.createConnection(refused, Duration.ofSeconds(10), null, Duration.ofMillis(50)));
        assertEquals(3, e.getSuppressed().length, "every refusal is attached");
    }
}
