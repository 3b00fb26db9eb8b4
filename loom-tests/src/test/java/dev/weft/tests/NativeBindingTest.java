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
}
