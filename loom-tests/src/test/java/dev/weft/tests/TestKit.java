package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Socket;
import dev.weft.WouldBlockException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What the conformance tests share: descriptor counting, running a body in a thread with a
 * bound, waiting until a thread is parked inside weft, filling a send buffer, and starting
 * {@code python3} as a peer.
 *
 * <p>Bounds are generous on purpose: the machine is small and shared, so a bound here
 * only turns "hangs forever" into a failure, it never measures speed.
 */
final class TestKit {
    private TestKit() {}

    /** How long anything that should happen "promptly" may take before the test calls it a hang. */
    static final Duration BOUND = KernelLane.scaled(Duration.ofSeconds(20));

    // ---- descriptors -----------------------------------------------------------------

    /** True where {@code /proc/self/fd} lists this process's descriptors (Linux). */
    static boolean hasProcFd() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** Where this process's descriptors are listed: {@code /proc/self/fd} (Linux), else {@code /dev/fd} (macOS, the BSDs). */
    static Path fdDir() {
        return hasProcFd() ? Path.of("/proc/self/fd") : Path.of("/dev/fd");
    }

    /** True where {@link #fdDir} lists this process's descriptors (not on Windows, whose sockets are handles). */
    static boolean canCountFds() {
        return Files.isDirectory(fdDir());
    }

    /**
     * The number of entries of {@link #fdDir} (the listing's own descriptor included, every
     * time); -1 where there is no such listing ({@link #canCountFds}), so that a before/after
     * comparison holds there and the rest of the test still runs.
     */
    static int openFds() throws IOException {
        if (!canCountFds()) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fdDir())) {
            return (int) s.count();
        }
    }

    /**
     * The number of this process's descriptors that are sockets; -1 without
     * {@code /proc/self/fd} (macOS's {@code /dev/fd} does not say what a descriptor is: there
     * {@link #openFds} alone catches a leaked socket).
     */
    static int socketFds() throws IOException {
        if (!hasProcFd()) {
            return -1;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(p).toString().startsWith("socket:")) {
                        n++;
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor, closed meanwhile
                }
            }
        }
        return n;
    }

    /** Both counts at once, for before/after comparisons. */
    record FdCounts(int all, int sockets) {
        static FdCounts now() throws IOException {
            return new FdCounts(openFds(), socketFds());
        }
    }

    /**
     * Asserts that the process holds no more descriptors than {@code before}, sockets or
     * any (fewer is fine: the JVM, or an earlier test's socket, may close one meanwhile).
     */
    static void assertNoFdLeak(FdCounts before) throws IOException {
        FdCounts after = FdCounts.now();
        if (after.sockets() > before.sockets() || after.all() > before.all()) {
            fail("descriptor leak: before " + before + ", after " + after);
        }
    }

    // ---- threads ---------------------------------------------------------------------

    /** A throwing body for a thread. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    /** Something a test does that may throw and returns nothing. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** A started thread and what its body returned or threw. */
    record Started<T>(Thread thread, CompletableFuture<T> result) {
        /** What the body returned, waiting at most {@link #BOUND}. */
        T get() throws Exception {
            return TestKit.get(result, BOUND);
        }

        /** The exception the body threw (waiting at most {@link #BOUND}); fails if it returned. */
        Throwable failure() throws Exception {
            try {
                T v = result.get(BOUND.toNanos(), TimeUnit.NANOSECONDS);
                return fail("expected " + thread + " to fail, but it returned " + v);
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                return fail(thread + " still running after " + BOUND + ": " + stack(thread));
            }
        }
    }

    /** Starts {@code body} in a new virtual or platform thread. */
    static <T> Started<T> start(boolean virtual, String name, Body<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(body.run());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        };
        Thread t = virtual ? Thread.ofVirtual().name(name).unstarted(r) : Thread.ofPlatform().name(name).daemon().unstarted(r);
        t.start();
        return new Started<>(t, f);
    }

    /** Runs {@code body} in a new virtual thread, waiting at most {@code bound}; rethrows what it threw. */
    static <T> T inVirtualThread(Duration bound, Body<T> body) throws Exception {
        Started<T> s = start(true, "test-body", body);
        try {
            return get(s.result(), bound);
        } catch (TimeoutException e) {
            s.thread().interrupt();
            throw e;
        }
    }

    /** Runs {@code body} in a new virtual thread within {@link #BOUND}. */
    static <T> T inVirtualThread(Body<T> body) throws Exception {
        return inVirtualThread(BOUND, body);
    }

    private static <T> T get(CompletableFuture<T> f, Duration bound) throws Exception {
        try {
            return f.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("did not finish within " + bound, e);
        }
    }

    /**
     * Waits until {@code t} is parked inside a weft socket call (state WAITING or
     * TIMED_WAITING with a weft frame on its stack), so that what the test does next happens
     * to a blocked thread and not to one still on its way in.
     */
    static void awaitParkedInWeft(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!parkedInWeft(t)) {
            if (!t.isAlive()) {
                fail(t + " ended instead of blocking");
            }
            if (System.nanoTime() - deadline > 0) {
                fail(t + " did not block in a weft call within " + BOUND + ": state " + t.getState() + " " + stack(t));
            }
            Thread.sleep(2);
        }
    }

    /**
     * A read in each of Python's three modes on {@code reader}, which has nothing queued:
     * timeout mode ends it with {@code WeftTimeoutException} ({@code socket.timeout}),
     * non-blocking mode with {@code WouldBlockException} ({@code BlockingIOError}), and
     * blocking mode parks it in weft until {@code send} delivers something, which this returns.
     * The reader is left in timeout mode with {@link #BOUND}.
     */
    static byte[] readModes(Socket reader, Action send) throws Exception {
        reader.setTimeout(Duration.ofMillis(100));
        org.junit.jupiter.api.Assertions.assertThrows(dev.weft.WeftTimeoutException.class, () -> reader.recv(65536),
                "timeout mode, nothing queued: socket.timeout");
        reader.setBlocking(false);
        org.junit.jupiter.api.Assertions.assertThrows(WouldBlockException.class, () -> reader.recv(65536),
                "non-blocking mode, nothing queued: BlockingIOError");
        reader.setBlocking(true);
        Started<byte[]> r = start(true, "blocking-reader", () -> reader.recv(65536));
        awaitParkedInWeft(r.thread());
        send.run();
        byte[] got = r.get();
        reader.setTimeout(BOUND);
        return got;
    }

    static boolean parkedInWeft(Thread t) {
        Thread.State s = t.getState();
        if (s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.equals("dev.weft.Waiters") || c.equals("dev.weft.Socket")) {
                return true;
            }
        }
        return false;
    }

    static String stack(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n\tat ").append(e);
        }
        return sb.toString();
    }

    // ---- data ------------------------------------------------------------------------

    /** {@code n} pseudo-random bytes from {@code seed}. */
    /** A connected loopback TCP pair: {@code first()} the client, {@code second()} the end accept gave. */
    static dev.weft.Sockets.SocketPair tcpPair() throws IOException {
        try (Socket server = Socket.open(dev.weft.Family.INET, dev.weft.SocketType.STREAM)) {
            server.bind(dev.weft.SockAddr.inet("127.0.0.1", 0));
            server.listen(1);
            Socket client = Socket.open(dev.weft.Family.INET, dev.weft.SocketType.STREAM);
            try {
                client.connect(server.getSockName());
                return new dev.weft.Sockets.SocketPair(client, server.accept().socket());
            } catch (IOException | RuntimeException e) {
                client.close();
                throw e;
            }
        }
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * Sends on {@code s} in non-blocking mode until the kernel refuses more
     * ({@link WouldBlockException}); returns how many bytes were queued. The socket's mode
     * is restored. Fails if the buffer never fills (a send that can't report "full").
     */
    static long fillSendBuffer(Socket s) throws IOException {
        Duration mode = s.getTimeout();
        s.setTimeout(Duration.ZERO);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            for (int i = 0; i < 100_000; i++) {
                try {
                    total += s.send(chunk);
                } catch (WouldBlockException full) {
                    assertTrue(total > 0, "nothing could be sent before the buffer was full");
                    return total;
                }
            }
            return fail("the send buffer never filled after " + total + " bytes");
        } finally {
            s.setTimeout(mode);
        }
    }

    /** Receives until end of stream. */
    static byte[] readToEof(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b; (b = s.recv(64 * 1024)).length > 0; ) {
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    /** Receives exactly {@code n} bytes of a stream (fails at a premature end). */
    static byte[] recvExactly(Socket s, int n) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            int k = s.recvInto(out, got, n - got);
            if (k == 0) {
                fail("end of stream after " + got + " of " + n + " bytes");
            }
            got += k;
        }
        return out;
    }

    /**
     * The loopback interface as this OS names it: {@code lo} on Linux, {@code lo0} on macOS,
     * {@code loopback_0} on Windows; {@code lo} if the list cannot be read.
     */
    static dev.weft.InterfaceIndex loopback() {
        try {
            for (dev.weft.InterfaceIndex i : dev.weft.Sockets.ifNameIndex()) {
                if (i.name().startsWith("lo")) {
                    return i;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to Linux's name
        }
        return new dev.weft.InterfaceIndex(1, "lo");
    }

    /**
     * True if this OS's {@code sockaddr_un} holds the address: its provider refuses, before
     * any system call, a path longer than its {@code sun_path} (104 bytes on macOS, Linux's 108
     * elsewhere) or an abstract name where there are none.
     */
    static boolean fitsThisOs(dev.weft.SockAddr a) {
        if (!(dev.weft.Sockets.provider() instanceof dev.weft.posix.PosixProvider p)) {
            return true; // Winsock's sockaddr_un is Linux's
        }
        try {
            return p.encodeSockAddr(a, java.nio.ByteBuffer.allocate(512).order(java.nio.ByteOrder.nativeOrder()), 0) > 0;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /** The longest {@code AF_UNIX} path, in bytes without its NUL, this OS takes (107 on Linux, 103 on macOS). */
    static int unixPathMax() {
        int n = dev.weft.SockAddr.UNIX_PATH_MAX - 1;
        while (n > 1 && !fitsThisOs(new dev.weft.SockAddr.Unix(("/" + "x".repeat(n - 1)).getBytes(StandardCharsets.US_ASCII)))) {
            n--;
        }
        return n;
    }

    /**
     * Skips the test unless {@code ip} (e.g. {@code 127.0.0.2}) is a local address to bind:
     * Linux routes all of 127/8 to {@code lo} (so does Windows), macOS's {@code lo0} has only
     * 127.0.0.1 unless an alias is added ({@code ifconfig lo0 alias 127.0.0.2}).
     */
    static void assumeLocalAddress(String ip) throws IOException {
        try (Socket s = Socket.open(dev.weft.Family.INET, dev.weft.SocketType.DGRAM)) {
            s.bind(dev.weft.SockAddr.inet(ip, 0));
        } catch (dev.weft.WeftBindException e) {
            org.junit.jupiter.api.Assumptions.abort(ip + " is not a local address here (" + e.getMessage()
                    + "): only Linux makes all of 127/8 local");
        }
    }

    /**
     * A new temporary directory with a short path, for AF_UNIX names (sun_path is 104 bytes
     * on macOS, whose java.io.tmpdir is a long /var/folders/... path): under /tmp where there
     * is one, else under java.io.tmpdir (Windows).
     */
    static Path shortTempDir(String prefix) throws IOException {
        Path tmp = Path.of("/tmp");
        return Files.isDirectory(tmp) ? Files.createTempDirectory(tmp, prefix) : Files.createTempDirectory(prefix);
    }

    /** A name no other run or test uses, for the abstract namespace. */
    static String uniqueName(String what) {
        return "weft-test-" + what + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    // ---- python3 as a peer -------------------------------------------------------------

    /** True if {@code python3} runs here. */
    static boolean hasPython3() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import socket").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A running {@code python3} whose first line of output said it is ready. */
    static final class Python implements AutoCloseable {
        final Process process;
        final String firstLine;
        private final StringBuilder stderr = new StringBuilder();
        private final Thread errReader;
        private final BufferedReader out;

        private Python(Process process) throws IOException, InterruptedException {
            this.process = process;
            this.errReader = Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        synchronized (stderr) {
                            stderr.append(l).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String l = nextLine();
            if (l == null) {
                process.destroyForcibly();
                errReader.join(5_000);
                fail("python3 did not start: " + stderr());
            }
            this.firstLine = l.strip();
        }

        /** The next line the script prints, or null at its end or after {@link #BOUND}. */
        String nextLine() {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                return line.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                return null;
            }
        }

        String stderr() {
            synchronized (stderr) {
                return stderr.toString();
            }
        }

        /** Waits for the script to end by itself; returns its exit code. */
        int waitFor() throws InterruptedException {
            if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                fail("python3 still running after " + BOUND + ": " + stderr());
            }
            return process.exitValue();
        }

        @Override
        public void close() throws InterruptedException, IOException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            // Release the pipes now rather than at some later GC.
            process.getOutputStream().close();
            out.close();
            errReader.join(5_000);
        }
    }

    /** Starts {@code python3 -u -c script args...}; returns once it printed its first line. */
    static Python python(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-u", "-c", script));
        cmd.addAll(List.of(args));
        return new Python(new ProcessBuilder(cmd).start());
    }

    // ---- a child JVM -----------------------------------------------------------------

    /**
     * Runs {@code mainClass} in a new JVM with this JVM's java and class path, the given
     * JVM options, and native access granted. Returns its exit code and output.
     */
    static ChildResult runJava(Duration bound, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = ChildJvm.command(mainClass, jvmOptions, List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            String partial = out.getNow("");
            return fail("child JVM " + mainClass.getSimpleName() + " still running after " + bound + ":\n" + partial);
        }
        try {
            return new ChildResult(p.exitValue(), out.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return new ChildResult(p.exitValue(), "(output unreadable: " + e + ")");
        } finally {
            p.getOutputStream().close();
            p.getInputStream().close();
        }
    }

    /** A child JVM's exit code and its stdout and stderr together. */
    record ChildResult(int exitCode, String output) {}
}
