package dev.weft.kit;

import dev.weft.Capability;
import dev.weft.Family;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketClosedException;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WeftTimeoutException;
import dev.weft.WouldBlockException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * weft's selftest: prints the environment, the chosen provider and the capability table of
 * this OS and kernel, runs a quick conformance pass, and ends with {@code PASSED} or
 * {@code FAILED} and the counts. Attach its output to bug reports.
 *
 * <pre>
 * ./mvnw -q -pl loom-tests -am verify -DskipTests -Pselftest
 * </pre>
 */
public final class SelfTest {
    private SelfTest() {}

    interface Check {
        void run() throws Exception;
    }

    private static final List<String> failures = new ArrayList<>();
    private static int passed;
    private static int skipped;

    public static void main(String[] args) throws Exception {
        System.out.println("weft selftest");
        System.out.println("  java     " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        System.out.println("  os       " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        System.out.println("  cpus     " + Runtime.getRuntime().availableProcessors());
        System.out.println("  jna      " + com.sun.jna.Native.VERSION + " (native " + com.sun.jna.Native.VERSION_NATIVE + ")");
        System.out.println("  provider " + Sockets.provider().name() + " (" + Sockets.provider().getClass().getName() + ")");
        // A POSIX provider's toString names its native binding (FFM or JNA, and why).
        System.out.println("  native   " + Sockets.provider());
        // The tuning switches a bug report should carry (unset ones show their defaults).
        StringBuilder tuning = new StringBuilder();
        for (String[] p : new String[][] {{"weft.poller", "vthread"},
                {"weft.poller.count", "one per carrier"}, {"weft.poller.busyMicros", "1000"},
                {"weft.poller.selfPoll", "true"}, {"weft.poller.quietMicros", "50"}, {"weft.spinMicros", "0"},
                {"weft.poller.spinMicros", "0"}, {"weft.skipDrainedReads", "true"}, {"weft.scratchBytes", "262144"}}) {
            tuning.append(tuning.length() == 0 ? "" : " ").append(p[0]).append('=').append(System.getProperty(p[0], p[1]));
        }
        System.out.println("  tuning   " + tuning);
        System.out.println("capabilities:");
        for (Capability c : Capability.values()) {
            System.out.printf("  %-16s %s%n", c, Sockets.supports(c) ? "yes" : "no");
        }
        Map<String, Check> checks = new TreeMap<>();
        checks.put("tcp4 echo", () -> echo(Family.INET, SockAddr.inet("127.0.0.1", 0)));
        checks.put("tcp6 echo", () -> {
            need(Capability.INET6);
            echo(Family.INET6, SockAddr.inet6("::1", 0));
        });
        checks.put("unix stream pair", () -> {
            need(Capability.SOCKETPAIR);
            try (var p = Sockets.socketPair()) {
                roundTrip(p.first(), p.second(), 1 << 20);
            }
        });
        checks.put("unix abstract name", () -> {
            need(Capability.UNIX_ABSTRACT);
            try (Socket s = Socket.open(Family.UNIX, SocketType.STREAM)) {
                SockAddr a = SockAddr.unixAbstract("weft-selftest-" + ProcessHandle.current().pid());
                s.bind(a);
                expect(a.equals(s.getSockName()), "getsockname " + s.getSockName());
            }
        });
        checks.put("seqpacket boundaries", () -> {
            need(Capability.UNIX_SEQPACKET);
            try (var p = Sockets.socketPair(Family.UNIX, SocketType.SEQPACKET, 0)) {
                p.first().send(new byte[] {1, 2, 3});
                p.first().send(new byte[] {4});
                expect(p.second().recv(10).length == 3 && p.second().recv(10).length == 1, "boundaries");
            }
        });
        checks.put("udp4 datagram", () -> {
            try (Socket a = Socket.open(Family.INET, SocketType.DGRAM); Socket b = Socket.open(Family.INET, SocketType.DGRAM)) {
                a.bind(SockAddr.inet("127.0.0.1", 0));
                b.sendTo(new byte[] {9, 9}, a.getSockName());
                a.setTimeout(Duration.ofSeconds(5));
                expect(Arrays.equals(a.recvFrom(8).data(), new byte[] {9, 9}), "datagram");
            }
        });
        checks.put("non-blocking would-block", () -> {
            need(Capability.SOCKETPAIR);
            try (var p = Sockets.socketPair()) {
                p.first().setBlocking(false);
                try {
                    p.first().recv(1);
                    expect(false, "recv returned");
                } catch (WouldBlockException expected) {
                    // as Python's BlockingIOError
                }
            }
        });
        checks.put("timeout not early", () -> {
            need(Capability.SOCKETPAIR);
            try (var p = Sockets.socketPair()) {
                p.first().setTimeout(Duration.ofMillis(100));
                long t0 = System.nanoTime();
                try {
                    p.first().recv(1);
                    expect(false, "recv returned");
                } catch (WeftTimeoutException expected) {
                    expect(System.nanoTime() - t0 >= 100_000_000L, "fired early");
                }
            }
        });
        checks.put("close wakes a blocked recv", () -> {
            need(Capability.SOCKETPAIR);
            try (var p = Sockets.socketPair(); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Throwable> f = vt.submit(() -> {
                    try {
                        p.first().recv(1);
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                });
                Thread.sleep(50);
                p.first().close();
                expect(f.get(5, TimeUnit.SECONDS) instanceof SocketClosedException, "not woken with SocketClosedException");
            }
        });
        checks.put("interrupt keeps the socket", () -> {
            need(Capability.SOCKETPAIR);
            try (var p = Sockets.socketPair()) {
                Throwable[] got = new Throwable[1];
                Thread t = Thread.ofVirtual().start(() -> {
                    try {
                        p.first().recv(1);
                    } catch (Exception e) {
                        got[0] = e;
                    }
                });
                Thread.sleep(50);
                t.interrupt();
                t.join(5000);
                expect(got[0] instanceof InterruptedIOException, "got " + got[0]);
                p.second().send(new byte[] {7});
                expect(p.first().recv(1)[0] == 7, "data after interrupt");
            }
        });
        checks.put("fd passing", () -> {
            need(Capability.SOCKETPAIR);
            try (var p = Sockets.socketPair(); var q = Sockets.socketPair()) {
                p.first().sendFds(List.of(ByteBuffer.wrap(new byte[] {1})), new int[] {q.first().fileno()}, 0, null);
                Socket.FdMessage m = p.second().recvFds(4, 1, 0);
                try (Socket got = Sockets.fromFd(m.fds()[0])) {
                    got.send(new byte[] {5});
                    expect(q.second().recv(1)[0] == 5, "passed socket works");
                } finally {
                    Sockets.close(m.fds()[0]);
                }
            }
        });
        checks.put("1000 virtual-thread clients", () -> {
            try (Socket server = Sockets.createServer(SockAddr.inet("127.0.0.1", 0), 1024, false, false);
                 var vt = Executors.newVirtualThreadPerTaskExecutor()) {
                vt.submit(() -> {
                    for (;;) {
                        var c = server.accept();
                        vt.submit(() -> {
                            try (c) {
                                for (byte[] b; (b = c.socket().recv(256)).length > 0; ) {
                                    c.socket().sendAll(b);
                                }
                            }
                            return null;
                        });
                    }
                });
                List<Future<Boolean>> rs = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    rs.add(vt.submit(() -> {
                        try (Socket c = Socket.open(Family.INET, SocketType.STREAM)) {
                            c.setTimeout(Duration.ofSeconds(30));
                            c.connect(server.getSockName());
                            c.sendAll(new byte[] {1, 2, 3});
                            return c.recv(3).length > 0;
                        }
                    }));
                }
                for (Future<Boolean> r : rs) {
                    expect(r.get(60, TimeUnit.SECONDS), "echo");
                }
                server.close();
            }
        });
        for (Map.Entry<String, Check> c : checks.entrySet()) {
            run(c.getKey(), c.getValue());
        }
        System.out.printf("%d passed, %d failed, %d skipped%n", passed, failures.size(), skipped);
        System.out.println(failures.isEmpty() ? "PASSED" : "FAILED");
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static final class Skip extends RuntimeException {
        Skip(String why) {
            super(why, null, false, false);
        }
    }

    private static void need(Capability c) {
        if (!Sockets.supports(c)) {
            throw new Skip("no " + c + " on this system");
        }
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static void run(String name, Check c) {
        long t0 = System.nanoTime();
        try {
            c.run();
            passed++;
            System.out.printf("  ok    %-30s %6.1f ms%n", name, (System.nanoTime() - t0) / 1e6);
        } catch (Skip s) {
            skipped++;
            System.out.printf("  skip  %-30s %s%n", name, s.getMessage());
        } catch (Throwable e) {
            failures.add(name);
            System.out.printf("  FAIL  %-30s %s%n", name, e);
        }
    }

    private static void echo(Family f, SockAddr bindTo) throws Exception {
        try (Socket server = Sockets.createServer(bindTo); var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> srv = vt.submit(() -> {
                try (var c = server.accept()) {
                    for (byte[] b; (b = c.socket().recv(65536)).length > 0; ) {
                        c.socket().sendAll(b);
                    }
                }
                return null;
            });
            try (Socket c = Socket.open(f, SocketType.STREAM)) {
                c.setTimeout(Duration.ofSeconds(30));
                c.connect(server.getSockName());
                roundTrip(c, c, 256 << 10); // the server echoes: what c sends, c reads
            }
            srv.get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends random bytes from {@code a} and reads them back on {@code b}. */
    private static void roundTrip(Socket a, Socket b, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> w = vt.submit(() -> {
                a.sendAll(data);
                return null;
            });
            byte[] got = new byte[size];
            int at = 0;
            while (at < size) {
                int n = b.recvInto(got, at, size - at);
                expect(n > 0, "early end of stream at " + at);
                at += n;
            }
            w.get(30, TimeUnit.SECONDS);
            expect(Arrays.equals(data, got), "bytes differ");
        }
    }
}
