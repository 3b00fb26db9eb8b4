package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import dev.weft.WouldBlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The native binding (dev.weft.posix.NativeBinding): the kit's two runs are on the binding
 * each asked for, errno reaches the thread whose call failed on either binding, and the
 * property {@code weft.native} refuses in one line what cannot work.
 */
class NativeBindingTest {
    /** Run by a child JVM: open a socket, print the provider's description or the error. */
    public static final class Describe {
        public static void main(String[] args) {
            try (Socket s = Socket.open()) {
                System.out.println("binding: " + Sockets.provider());
            } catch (Throwable e) {
                System.out.println("error: " + e.getMessage());
            }
        }
    }

    private static boolean posix() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") || os.startsWith("mac");
    }

    /** True where FFM can be chosen: a JDK 22+ and a build that carries the FFM classes. */
    private static boolean ffmBuilt() {
        return Runtime.version().feature() >= 22
                && ClassLoader.getSystemResource("dev/weft/posix/FfmPosixCalls.class") != null;
    }

    @Test
    void theKitRunsOnTheBindingItAskedFor() throws IOException {
        assumeTrue(posix(), "the binding choice is the POSIX providers'");
        try (Socket s = Socket.open()) {
            String d = Sockets.provider().toString();
            if ("jna".equals(System.getProperty("weft.native"))) {
                assertTrue(d.contains("through JNA") && d.contains("forced"), d);
            } else if (ffmBuilt()) {
                assertTrue(d.contains("through FFM"), d); // surefire grants native access
            } else {
                assertTrue(d.contains("through JNA"), d);
            }
        }
    }

    /**
     * The scratch memory of every call that passes an address (and the staging of large
     * messages) comes from the binding the calls go through: FFM's malloc on the FFM run, so
     * that run crosses no JNI for it, JNA's on the JNA run.
     */
    @Test
    void scratchMemoryComesFromTheBindingOfTheCalls() throws Exception {
        assumeTrue(posix(), "the binding choice is the POSIX providers'");
        String expected = "jna".equals(System.getProperty("weft.native")) || !ffmBuilt() ? "JNA" : "FFM";
        assertEquals(expected, dev.weft.common.NativeMemory.allocator().toString());
        try (Socket a = Socket.open(Family.INET, SocketType.DGRAM); Socket b = Socket.open(Family.INET, SocketType.DGRAM)) {
            b.bind(SockAddr.inet("127.0.0.1", 0));
            b.setTimeout(TestKit.BOUND);
            a.sendTo("through scratch".getBytes(StandardCharsets.US_ASCII), b.getSockName());
            Socket.Received r = TestKit.inVirtualThread(() -> b.recvFrom(64));
            assertEquals("through scratch", new String(r.data(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void eachVirtualThreadReadsItsOwnErrnoAcrossCarriers() throws Exception {
        // Three failures with three errnos, interleaved on many virtual threads that yield
        // (and so move between carriers) between calls: a captured errno read by the wrong
        // thread, or a stale one, shows up as a wrong exception.
        try (Socket taken = Socket.open(Family.INET, SocketType.STREAM)) {
            taken.bind(SockAddr.inet("127.0.0.1", 0));
            taken.listen(1);
            SockAddr busy = taken.getSockName();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 60; t++) {
                int kind = t % 3;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 40 && wrong.isEmpty(); i++) {
                        try {
                            check(kind, busy);
                        } catch (Throwable e) {
                            wrong.add("kind " + kind + ": " + e);
                        }
                        Thread.yield();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            assertTrue(wrong.isEmpty(), String.valueOf(wrong.peek()));
        }
    }

    private static void check(int kind, SockAddr busy) throws IOException {
        switch (kind) {
            case 0 -> {
                var pair = Sockets.socketPair();
                try {
                    pair.first().setTimeout(Duration.ZERO);
                    pair.first().recv(16);
                    throw new AssertionError("recv on an empty socket returned");
                } catch (WouldBlockException expected) {
                    assertEquals(Errno.EAGAIN, expected.errno(), expected.toString());
                } finally {
                    pair.first().close();
                    pair.second().close();
                }
            }
            case 1 -> {
                try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
                    s.bind(busy);
                    throw new AssertionError("bind to a listening port succeeded");
                } catch (IOException e) {
                    assertEquals(Errno.EADDRINUSE, ((OsError) e).errno(), e.toString());
                }
            }
            default -> {
                try (Socket s = Socket.open(Family.INET, SocketType.STREAM)) {
                    s.getSockOpt(Sockets.provider().constants().get("SOL_SOCKET"), 0x7FFF);
                    throw new AssertionError("an unknown option was accepted");
                } catch (IOException e) {
                    assertEquals(Errno.ENOPROTOOPT, ((OsError) e).errno(), e.toString());
                }
            }
        }
    }

    private static String child(List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Describe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void ffmWithoutNativeAccessFallsBackToJnaAndForcingItFailsInOneLine() throws Exception {
        assumeTrue(posix(), "the binding choice is the POSIX providers'");
        assumeTrue(ffmBuilt(), "FFM needs JDK 22+ and a build on one (JDK " + Runtime.version().feature() + ")");
        String chosen = child(List.of());
        assertTrue(chosen.contains("binding: ") && chosen.contains("through JNA")
                && chosen.contains("native access is not granted (add --enable-native-access=ALL-UNNAMED)"), chosen);
        String forced = child(List.of("-Dweft.native=ffm"));
        assertTrue(forced.contains("error: ") && forced.contains(
                "-Dweft.native=ffm cannot be used here: native access is not granted (add --enable-native-access=ALL-UNNAMED)"),
                forced);
        String granted = child(List.of("--enable-native-access=ALL-UNNAMED", "-Dweft.native=ffm"));
        assertTrue(granted.contains("binding: ") && granted.contains("through FFM"), granted);
    }

    @Test
    void anUnknownBindingIsRefusedInOneLine() throws Exception {
        assumeTrue(posix(), "the binding choice is the POSIX providers'");
        String out = child(List.of("--enable-native-access=ALL-UNNAMED", "-Dweft.native=jni"));
        assertTrue(out.contains("error: ") && out.contains("-Dweft.native must be ffm or jna, not 'jni'"), out);
    }

    /**
     * Run by a child JVM: what a server and a client do (a socket pair, TCP with a timeout that
     * fires, UDP, getaddrinfo, getnameinfo, the host and service databases, interfaces), then
     * prints the provider and {@code done}.
     */
    public static final class EverydayWork {
        public static void main(String[] args) throws Exception {
            try (var pair = Sockets.socketPair()) {
                pair.first().sendAll("x".getBytes(StandardCharsets.UTF_8));
                pair.second().recv(1);
            }
            try (Socket server = Socket.open(Family.INET, SocketType.STREAM)) {
                server.bind(SockAddr.inet("127.0.0.1", 0));
                server.listen(1);
                try (Socket c = Sockets.createConnection("localhost", ((SockAddr.Inet4) server.getSockName()).port(),
                        Duration.ofSeconds(10), null); Socket.Accepted a = server.accept()) {
                    a.socket().setTimeout(Duration.ofMillis(20));
                    try {
                        a.socket().recv(1);
                    } catch (java.net.SocketTimeoutException expected) {
                        // a timed wait that fired: the poller and the timer both ran
                    }
                    c.sendAll("ping".getBytes(StandardCharsets.UTF_8));
                    a.socket().setTimeout(Duration.ofSeconds(10));
                    a.socket().recv(4);
                }
            }
            try (Socket u = Socket.open(Family.INET, SocketType.DGRAM)) {
                u.bind(SockAddr.inet("127.0.0.1", 0));
                u.sendTo("d".getBytes(StandardCharsets.UTF_8), u.getSockName());
                u.recvFrom(1);
            }
            Sockets.getAddrInfo("localhost", 80, Family.UNSPEC, SocketType.STREAM);
            Sockets.getNameInfo(SockAddr.inet("127.0.0.1", 80), 0);
            Sockets.getHostByName("localhost");
            Sockets.getHostByAddr("127.0.0.1");
            Sockets.getServByName("http", "tcp");
            Sockets.getServByPort(80, "tcp");
            Sockets.getProtoByName("tcp");
            Sockets.getHostName();
            Sockets.ifNameIndex();
            Sockets.ifIndexToName(Sockets.ifNameToIndex("lo"));
            System.out.println("binding: " + Sockets.provider());
            System.out.println("done");
        }
    }

    /**
     * On the FFM binding weft never loads JNA's native library: not for its poller's event
     * memory, not for the C library's results (getaddrinfo's list, a hostent, if_nameindex),
     * so a JVM whose temporary directory is {@code noexec}, where JNA cannot unpack its
     * library, runs weft all the same. The child is told to fail any JNA load (no system
     * library, no unpacking) and logs the classes it loads, and neither may show JNA's
     * {@code Native}.
     */
    @Test
    void onFfmEverydayWorkNeverLoadsJnasNativeLibrary() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux's provider is the one checked here");
        assumeTrue(ffmBuilt() && !"jna".equals(System.getProperty("weft.native")), "this run is on JNA");
        java.nio.file.Path log = java.nio.file.Files.createTempFile("weft-classes", ".log");
        try {
            TestKit.ChildResult r = TestKit.runJava(TestKit.BOUND.multipliedBy(3),
                    List.of("-Djna.nosys=true", "-Djna.noclasspath=true", "-Djna.boot.library.path=/nonexistent",
                            "-Xlog:class+load=info:file=" + log),
                    EverydayWork.class);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("through FFM") && r.output().contains("done"), r.output());
            List<String> jna = java.nio.file.Files.readAllLines(log).stream()
                    .filter(l -> l.contains(" com.sun.jna.Native ") || l.contains(" com.sun.jna.Pointer ")).toList();
            assertEquals(List.of(), jna, "JNA's native classes were loaded on the FFM binding");
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }
}
