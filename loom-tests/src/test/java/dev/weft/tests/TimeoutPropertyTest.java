package dev.weft.tests;

import static dev.weft.tests.PropertySupport.gen;
import static dev.weft.tests.PropertySupport.theory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A timeout never fires early and fires within a generous bound ({@link #LATE}; the machine
 * may be loaded, so lateness is allowed, earliness never) for random timeouts of 1 to 200 ms
 * with microsecond parts, on every call that waits: recv, recvfrom, recvmsg, accept (TCP
 * and Unix), send into a full buffer, sendall to a slow reader (the timeout covers the whole
 * call, not each send), and connect to a full backlog (Unix and TCP). Several run at once on
 * virtual threads. After each timeout the socket still works and no byte is lost or
 * invented: what was sent before the timeout is exactly what {@code bytesTransferred} says.
 */
class TimeoutPropertyTest {
    /** How late a timeout may fire on a loaded machine. */
    static final Duration LATE = Duration.ofSeconds(2);

    enum Op {
        RECV, RECV_FROM_UDP, RECV_MSG, ACCEPT_TCP, ACCEPT_UNIX, SEND_FULL, SENDALL_DRIP, CONNECT_UNIX_BACKLOG,
        CONNECT_TCP_BACKLOG
    }

    record Case(Op op, Duration timeout) {}

    /** 1 to 200 ms, with a random number of microseconds: a clock that rounds to milliseconds fires early. */
    static Duration timeout(RandomGenerator r) {
        return Duration.ofNanos(1_000_000L + r.nextLong(199_000_000L) / 1000 * 1000 + (r.nextBoolean() ? 999_000 : 0));
    }

    @Test
    void timeoutsNeverFireEarlyAndFireWithinTheBound() {
        theory(15).forAll(gen(r -> {
            List<Case> cases = new ArrayList<>();
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                cases.add(new Case(Op.values()[r.nextInt(Op.values().length)], timeout(r)));
            }
            return cases;
        })).checkAssert(cs -> {
            try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> fs = new ArrayList<>();
                for (Case c : cs.value()) {
                    fs.add(vt.submit(() -> run(c)));
                }
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) {
                    try {
                        String p = fs.get(i).get(LATE.toSeconds() + 10, TimeUnit.SECONDS);
                        if (p != null) {
                            problems.add(cs.value().get(i) + ": " + p);
                        }
                    } catch (java.util.concurrent.TimeoutException e) {
                        fs.get(i).cancel(true); // an interrupt ends the wait, so the next example need not
                        problems.add(cs.value().get(i) + ": still waiting after " + (LATE.toSeconds() + 10) + " s");
                    } catch (Exception e) {
                        problems.add(cs.value().get(i) + ": " + e);
                    }
                }
                assertTrue(problems.isEmpty(), String.join("\n", problems));
            }
        });
    }

    /** Runs one case; null if it held, else what went wrong. */
    static String run(Case c) throws Exception {
        long t = c.timeout().toNanos();
        return switch (c.op()) {
            case RECV -> {
                try (var p = Sockets.socketPair()) {
                    p.first().setTimeout(c.timeout());
                    String bad = timed(t, () -> p.first().recv(1));
                    p.second().send(new byte[] {7});
                    p.first().setTimeout(Duration.ofSeconds(10));
                    assertArrayEquals(new byte[] {7}, p.first().recv(1), "a byte sent after the timeout arrives");
                    yield bad;
                }
            }
            case RECV_FROM_UDP -> {
                try (Socket s = Socket.open(Family.INET, SocketType.DGRAM); Socket peer = Socket.open(Family.INET, SocketType.DGRAM)) {
                    s.bind(SockAddr.inet("127.0.0.1", 0));
                    s.setTimeout(c.timeout());
                    String bad = timed(t, () -> s.recvFrom(16));
                    peer.sendTo(new byte[] {8}, s.getSockName());
                    s.setTimeout(Duration.ofSeconds(10));
                    assertArrayEquals(new byte[] {8}, s.recvFrom(16).data(), "a datagram sent after the timeout arrives");
                    yield bad;
                }
            }
            case RECV_MSG -> {
                if (!Sockets.supports(Capability.UNIX_DGRAM)) {
                    yield null;
                }
                try (var p = Sockets.socketPair(Family.UNIX, SocketType.DGRAM, 0)) {
                    p.first().setTimeout(c.timeout());
                    String bad = timed(t, () -> p.first().recvMsg(16));
                    p.second().send(new byte[] {9});
                    p.first().setTimeout(Duration.ofSeconds(10));
                    assertArrayEquals(new byte[] {9}, p.first().recvMsg(16).data());
                    yield bad;
                }
            }
            case ACCEPT_TCP, ACCEPT_UNIX -> {
                boolean unix = c.op() == Op.ACCEPT_UNIX;
                if (unix && !Sockets.supports(Capability.UNIX_AUTOBIND)) {
                    yield null;
                }
                try (Socket l = Socket.open(unix ? Family.UNIX : Family.INET, SocketType.STREAM)) {
                    l.bind(unix ? SockAddr.UNIX_UNNAMED : SockAddr.inet("127.0.0.1", 0));
                    l.listen(4);
                    l.setTimeout(c.timeout());
                    String bad = timed(t, l::accept);
                    try (Socket cl = Socket.open(l.family(), SocketType.STREAM)) {
                        cl.setTimeout(Duration.ofSeconds(10));
                        cl.connect(l.getSockName());
                        l.setTimeout(Duration.ofSeconds(10));
                        l.accept().close();
                    }
                    yield bad;
                }
            }
            case SEND_FULL -> {
                try (var p = Sockets.socketPair()) {
                    long filled = fill(p.first());
                    p.first().setTimeout(c.timeout());
                    long[] moved = new long[1];
                    String bad = timed(t, () -> {
                        try {
                            p.first().sendAll(new byte[4096]);
                        } catch (WeftTimeoutException e) {
                            moved[0] = e.bytesTransferred;
                            throw e;
                        }
                        return null;
                    });
                    p.second().setTimeout(Duration.ZERO);
                    assertEquals(filled + moved[0], drain(p.second()), "bytes in the peer: the fill and what the timeout reported");
                    yield bad;
                }
            }
            case SENDALL_DRIP -> {
                try (var p = Sockets.socketPair(); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
                    AtomicLong read = new AtomicLong();
                    java.util.concurrent.atomic.AtomicBoolean drip = new java.util.concurrent.atomic.AtomicBoolean(true);
                    Future<?> dripper = vt.submit(() -> {
                        byte[] b = new byte[512];
                        for (int n; (n = p.second().recvInto(b, 0, b.length)) > 0; ) {
                            read.addAndGet(n);
                            if (drip.get()) {
                                Thread.sleep(2);
                            }
                        }
                        return null;
                    });
                    // A small send buffer: the writer progresses every few milliseconds, well within any timeout.
                    p.first().setSockOpt(dev.weft.SocketConstants.SOL_SOCKET, dev.weft.SocketConstants.SO_SNDBUF, 4096);
                    p.first().setTimeout(c.timeout());
                    long[] moved = new long[1];
                    // 8 MiB at 512 bytes per 2 ms would take 30 s: only a deadline for the whole call ends it in time.
                    String bad = timed(t, () -> {
                        try {
                            p.first().sendAll(new byte[8 << 20]);
                        } catch (WeftTimeoutException e) {
                            moved[0] = e.bytesTransferred;
                            throw e;
                        }
                        return null;
                    });
                    drip.set(false);
                    p.first().shutdown(Socket.SHUT_WR);
                    dripper.get(60, TimeUnit.SECONDS);
                    assertEquals(moved[0], read.get(), "the reader got exactly what the timeout reported as sent");
                    yield bad;
                }
            }
            case CONNECT_UNIX_BACKLOG -> {
                if (!Sockets.supports(Capability.UNIX_AUTOBIND)) {
                    yield null;
                }
                List<Socket> queued = new ArrayList<>();
                try (Socket l = Socket.open(Family.UNIX, SocketType.STREAM); Socket late = Socket.open(Family.UNIX, SocketType.STREAM)) {
                    l.bind(SockAddr.UNIX_UNNAMED);
                    l.listen(0);
                    for (;;) { // fill the backlog with connections nobody accepts
                        Socket q = Socket.open(Family.UNIX, SocketType.STREAM);
                        queued.add(q);
                        q.setTimeout(Duration.ZERO);
                        try {
                            q.connect(l.getSockName());
                        } catch (WouldBlockException full) {
                            break;
                        }
                        assertTrue(queued.size() < 100, "the backlog never filled");
                    }
                    late.setTimeout(c.timeout());
                    String bad = timed(t, () -> {
                        late.connect(l.getSockName());
                        return null;
                    });
                    l.setTimeout(Duration.ofSeconds(10));
                    l.accept().close(); // room again: the same socket now connects
                    late.setTimeout(Duration.ofSeconds(10));
                    late.connect(l.getSockName());
                    yield bad;
                } finally {
                    for (Socket q : queued) {
                        q.close();
                    }
                }
            }
            case CONNECT_TCP_BACKLOG -> {
                try (Socket l = Socket.open(Family.INET, SocketType.STREAM); Socket first = Socket.open(Family.INET, SocketType.STREAM);
                     Socket late = Socket.open(Family.INET, SocketType.STREAM)) {
                    l.bind(SockAddr.inet("127.0.0.1", 0));
                    l.listen(0); // Linux queues one connection, then drops SYNs: the next connect waits
                    first.setTimeout(Duration.ofSeconds(10));
                    first.connect(l.getSockName());
                    late.setTimeout(c.timeout());
                    long t0 = System.nanoTime();
                    try {
                        late.connect(l.getSockName());
                        yield null; // this kernel took it after all: nothing to measure
                    } catch (WeftTimeoutException e) {
                        yield judge(t, System.nanoTime() - t0);
                    }
                }
            }
        };
    }

    /** Runs {@code call}, which must time out; null if it did so on time, else what went wrong. */
    static String timed(long timeoutNanos, Callable<?> call) throws Exception {
        long t0 = System.nanoTime();
        Object r;
        try {
            r = call.call();
        } catch (WeftTimeoutException e) {
            return judge(timeoutNanos, System.nanoTime() - t0);
        }
        return "returned " + r + " after " + (System.nanoTime() - t0) / 1e6 + " ms instead of timing out";
    }

    private static String judge(long timeoutNanos, long elapsed) {
        if (elapsed < timeoutNanos) {
            return "fired EARLY: after " + elapsed / 1e6 + " ms of " + timeoutNanos / 1e6 + " ms";
        }
        if (elapsed > timeoutNanos + LATE.toNanos()) {
            return "fired too late: after " + elapsed / 1e6 + " ms of " + timeoutNanos / 1e6 + " ms";
        }
        return null;
    }

    /** Sends until the socket would block; returns how much went. */
    static long fill(Socket s) throws IOException {
        s.setTimeout(Duration.ZERO);
        ByteBuffer chunk = ByteBuffer.allocate(65536);
        long n = 0;
        for (;;) {
            try {
                n += s.send(chunk.clear());
            } catch (WouldBlockException full) {
                return n;
            }
        }
    }

    /** Reads a non-blocking socket until it would block; returns how much came. */
    static long drain(Socket s) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(65536);
        long n = 0;
        for (;;) {
            try {
                int k = s.recvInto(b.clear());
                if (k == 0) {
                    return n;
                }
                n += k;
            } catch (WouldBlockException empty) {
                return n;
            }
        }
    }
}
